import 'server-only';
// The one wrapper of route handlers that serve panel data: it resolves the viewer itself and
// turns the access verdict into a status (401 anonymous, 403 support, no panel access or a
// missing role), and maps errors to statuses.
import { ACCESS_MESSAGES } from '@/lib/auth/access-messages';
import { getViewer, type TenantViewer } from '@/lib/auth/viewer';
import { viewerAccess, type RequiredRole } from '@/lib/auth/viewer-access';
import { errorResponse, forbiddenError, unauthorized } from './errors';

type Handler<Context> = (request: Request, context: Context & { viewer: TenantViewer }) => Promise<Response>;

export function withTenantViewer<Context>(handler: Handler<Context>, options: { role?: RequiredRole } = {}) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const access = viewerAccess(await getViewer());
      if (access.kind === 'anonymous') throw unauthorized(ACCESS_MESSAGES.anonymous);
      if (access.kind !== 'tenant') throw forbiddenError(ACCESS_MESSAGES[access.kind]);
      if (options.role && access.viewer.role !== options.role) throw forbiddenError(ACCESS_MESSAGES.role);
      return await handler(request, { ...context, viewer: access.viewer });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
