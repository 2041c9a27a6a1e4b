import 'server-only';
// Guards for pages and server actions: anonymous -> sign-in (back to this page afterwards),
// no panel access -> the no-access page, wrong role -> 403. Every page calls one of these
// itself; the proxy is only the first gate.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { loginPath } from './callback-url';
import { REQUEST_PATH_HEADER } from './request-path';
import { getViewer, type SupportViewer, type TenantViewer } from './viewer';

async function redirectToLogin(): Promise<never> {
  redirect(loginPath((await headers()).get(REQUEST_PATH_HEADER)));
}

export async function requireTenantViewer(): Promise<TenantViewer> {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  if (viewer.role === 'support') forbidden();
  if (!viewer.tenantId || !viewer.panelAccess) redirect('/no-access');
  return viewer as TenantViewer;
}

export async function requirePlatformAdmin(): Promise<TenantViewer> {
  const viewer = await requireTenantViewer();
  if (viewer.role !== 'platform_admin') forbidden();
  return viewer;
}

export async function requireSupportViewer(): Promise<SupportViewer> {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  if (viewer.role !== 'support') forbidden();
  return viewer as SupportViewer;
}
