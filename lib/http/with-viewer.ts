import 'server-only';
// The one wrapper of route handlers that serve panel data: it resolves the viewer itself and
// turns the access verdict into a status (401 anonymous, 403 support, no panel access or a
// missing role), reads the query (the URL's, or a form body's) through the route's zod schema
// (400 with its sentence), and maps errors to statuses — all before the handler writes a byte.
import type { z } from 'zod';
import { ACCESS_MESSAGES } from '@/lib/auth/access-messages';
import { getViewer, type TenantViewer } from '@/lib/auth/viewer';
import { viewerAccess, type RequiredRole } from '@/lib/auth/viewer-access';
import { parseSearch } from '@/lib/search/parse-search';
import { badRequest, errorResponse, forbiddenError, unauthorized } from './errors';
import { readFormSearch } from './read-form-search';

interface Options<Search> {
  role?: RequiredRole;
  /** The schema of the URL's query; the handler gets its value as `search`. */
  search?: z.ZodType<Search>;
  /** Where the query is: the URL (default), or a form-encoded body (a POSTed selection). */
  searchIn?: 'url' | 'form';
}

/** `query` is what the schema read (the URL's query or the form), for the download audit. */
export interface ViewerContext<Search, Params = { id: string }> {
  viewer: TenantViewer;
  search: Search;
  query: URLSearchParams;
  params: Promise<Params>;
}

type Handler<Search, Params> = (request: Request, context: ViewerContext<Search, Params>) => Promise<Response>;

export function withTenantViewer<Search = undefined, Params = { id: string }>(options: Options<Search>, handler: Handler<Search, Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const access = viewerAccess(await getViewer());
      if (access.kind === 'anonymous') throw unauthorized(ACCESS_MESSAGES.anonymous);
      if (access.kind !== 'tenant') throw forbiddenError(ACCESS_MESSAGES[access.kind]);
      if (options.role && access.viewer.role !== options.role) throw forbiddenError(ACCESS_MESSAGES.role);
      let search = undefined as Search;
      const query = options.searchIn === 'form' ? await readFormSearch(request) : new URL(request.url).searchParams;
      if (options.search) {
        const parsed = parseSearch(options.search, query);
        if (!parsed.ok) throw badRequest(parsed.message);
        search = parsed.value;
      }
      return await handler(request, { params: context.params, viewer: access.viewer, search, query });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
