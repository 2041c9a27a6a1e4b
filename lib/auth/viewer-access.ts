// The one place that decides what a viewer may enter: nobody signed in, a support agent, an admin
// whose tenant has no panel access (not granted, or revoked), or a tenant viewer. Pages, route
// handlers, actions and the session token only turn this verdict into their kind of answer.
import type { SupportViewer, TenantViewer, Viewer } from './viewer';

export type ViewerAccess =
  | { kind: 'anonymous' }
  | { kind: 'support'; viewer: SupportViewer }
  | { kind: 'no-access'; viewer: Viewer }
  | { kind: 'tenant'; viewer: TenantViewer };

export function viewerAccess(viewer: Viewer | null): ViewerAccess {
  if (!viewer) return { kind: 'anonymous' };
  if (viewer.role === 'support') return { kind: 'support', viewer: viewer as SupportViewer };
  if (!viewer.tenantId || viewer.tenantName === null || !viewer.panelAccess) return { kind: 'no-access', viewer };
  return { kind: 'tenant', viewer: viewer as TenantViewer };
}

/** A tenant role a page or route may require beyond panel access. */
export type RequiredRole = 'platform_admin';
