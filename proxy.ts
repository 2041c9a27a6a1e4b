// The first gate (Next 16's name for middleware). It refuses cross-site writes (forgery-check.ts),
// gives every page its Content-Security-Policy with a fresh nonce, sends anonymous page requests
// to sign-in with their path as callbackUrl (401 for the API), and admins whose tenant has no
// panel access to the no-access page (403 for the API). It is optimistic: every page, route
// handler and data-layer function checks the viewer again against the database. The token
// carries the access verdict (lib/auth/viewer-access.ts) as of its last refresh.
import { NextResponse, type NextRequest } from 'next/server';
import { ACCESS_MESSAGES } from '@/lib/auth/access-messages';
import { loginPath } from '@/lib/auth/callback-url';
import { panelUrl } from '@/lib/auth/panel-url';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';
import { readPanelToken } from '@/lib/auth/session-token';
import { contentSecurityPolicy, NONCE_HEADER, newNonce, strictTransportSecurity } from '@/lib/http/content-security-policy';
import { FORGERY_MESSAGE, isCrossSiteWrite } from '@/lib/http/forgery-check';

const PUBLIC_PAGES = new Set(['/login', '/no-access']);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const ownUrl = panelUrl();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const hsts = strictTransportSecurity(ownUrl);
  const secured = (response: NextResponse) => {
    response.headers.set('content-security-policy', policy);
    if (hsts) response.headers.set('strict-transport-security', hsts);
    return response;
  };
  // Redirects go to the configured address, never to a host the request claims.
  const redirectTo = (path: string) => secured(NextResponse.redirect(new URL(path, ownUrl)));

  if (isCrossSiteWrite(request, ownUrl)) return secured(NextResponse.json({ error: FORGERY_MESSAGE }, { status: 403 }));

  // Pages learn their own URL and their nonce from here (Next.js reads the policy for its scripts).
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set('content-security-policy', policy);
  const next = () => secured(NextResponse.next({ request: { headers: forwarded } }));
  if (PUBLIC_PAGES.has(pathname)) return next();

  const token = await readPanelToken(request.cookies);
  if (!token?.adminId) {
    if (isApi) return secured(NextResponse.json({ error: ACCESS_MESSAGES.anonymous }, { status: 401 }));
    return redirectTo(loginPath(`${pathname}${search}`));
  }
  if (token.access === 'no-access') {
    if (isApi) return secured(NextResponse.json({ error: ACCESS_MESSAGES['no-access'] }, { status: 403 }));
    return redirectTo('/no-access');
  }
  return next();
}

export const config = {
  // Ingestion, health and metrics authenticate themselves (and ingestion bodies exceed what the proxy
  // buffers); the demo's webhook receiver is called by the panel itself, demo mode only.
  matcher: ['/((?!api/ingest|api/health|api/metrics|api/auth|api/demo-receiver|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
