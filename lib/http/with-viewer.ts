import 'server-only';
// The one wrapper of route handlers that serve panel data: it resolves the viewer itself
// (401 anonymous, 403 support or no panel access) and maps errors to statuses.
import { getViewer, type TenantViewer } from '@/lib/auth/viewer';
import { errorResponse, forbiddenError, unauthorized } from './errors';

type Handler<Context> = (request: Request, context: Context & { viewer: TenantViewer }) => Promise<Response>;

export function withTenantViewer<Context>(handler: Handler<Context>, options: { platformAdminOnly?: boolean } = {}) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const viewer = await getViewer();
      if (!viewer) throw unauthorized();
      if (viewer.role === 'support') throw forbiddenError('Support agents cannot see users, sessions, issues or logs.');
      if (!viewer.tenantId || !viewer.panelAccess) throw forbiddenError('Your organization has no access to the Sync Admin Panel.');
      if (options.platformAdminOnly && viewer.role !== 'platform_admin') throw forbiddenError();
      return await handler(request, { ...context, viewer: viewer as TenantViewer });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
