// The first gate (Next 16's name for middleware): anonymous page requests go to sign-in with
// their path as callbackUrl, anonymous API requests get 401, admins whose tenant has no panel
// access get the no-access page or 403. It is optimistic: every page, route handler and
// data-layer function checks the viewer again against the database. The token carries the
// access verdict (lib/auth/viewer-access.ts) as of its last refresh.
import { NextResponse, type NextRequest } from 'next/server';
import { ACCESS_MESSAGES } from '@/lib/auth/access-messages';
import { loginPath } from '@/lib/auth/callback-url';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';
import { readPanelToken } from '@/lib/auth/session-token';

const PUBLIC_PAGES = new Set(['/login', '/no-access']);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  // Pages learn their own URL from here, to send an anonymous visitor back after sign-in.
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const next = () => NextResponse.next({ request: { headers: forwarded } });
  if (PUBLIC_PAGES.has(pathname)) return next();

  const token = await readPanelToken(request.cookies);
  if (!token?.adminId) {
    if (isApi) return NextResponse.json({ error: ACCESS_MESSAGES.anonymous }, { status: 401 });
    return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url));
  }
  if (token.access === 'no-access') {
    if (isApi) return NextResponse.json({ error: ACCESS_MESSAGES['no-access'] }, { status: 403 });
    return NextResponse.redirect(new URL('/no-access', request.url));
  }
  return next();
}

export const config = {
  // Ingestion and health authenticate themselves (and ingestion bodies exceed what the proxy buffers).
  matcher: ['/((?!api/ingest|api/health|api/auth|_next/static|_next/image|favicon.ico).*)'],
};
