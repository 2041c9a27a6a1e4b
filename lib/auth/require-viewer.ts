import 'server-only';
// Guards for pages and server actions, from the access verdict (viewer-access.ts): anonymous ->
// sign-in (back to this page afterwards), no panel access -> the no-access page, support or a
// missing role -> 403. Every page calls one of these
// itself; the proxy is only the first gate.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { loginPath } from './callback-url';
import { REQUEST_PATH_HEADER } from './request-path';
import { getViewer, type SupportViewer, type TenantViewer } from './viewer';
import { viewerAccess, type RequiredRole } from './viewer-access';

async function redirectToLogin(): Promise<never> {
  redirect(loginPath((await headers()).get(REQUEST_PATH_HEADER)));
}

export async function requireTenantViewer({ role }: { role?: RequiredRole } = {}): Promise<TenantViewer> {
  const access = viewerAccess(await getViewer());
  if (access.kind === 'anonymous') return redirectToLogin();
  if (access.kind === 'support') forbidden();
  if (access.kind === 'no-access') redirect('/no-access');
  if (role && access.viewer.role !== role) forbidden();
  return access.viewer;
}

export const requirePlatformAdmin = () => requireTenantViewer({ role: 'platform_admin' });

export async function requireSupportViewer(): Promise<SupportViewer> {
  const access = viewerAccess(await getViewer());
  if (access.kind === 'anonymous') return redirectToLogin();
  if (access.kind !== 'support') forbidden();
  return access.viewer;
}
