// GET /api/ingest/v1/sync-state — the admins' switches for the engine, with an ETag
// (If-None-Match -> 304) so it can poll cheaply. Authenticated by the tenant's bearer token.
import { errorResponse, unauthorized } from '@/lib/http/errors';
import { authenticateIngestion } from '@/lib/ingest/ingestion-tokens';
import { getSyncState } from '@/lib/ingest/sync-state';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const caller = await authenticateIngestion(request.headers.get('authorization'));
    if (!caller) throw unauthorized('A valid ingestion token is required (Authorization: Bearer <token>).');
    const { body, etag } = await getSyncState(caller.tenantId);
    const headers = { etag, 'cache-control': 'private, no-cache' };
    const wanted = request.headers.get('if-none-match');
    if (wanted && wanted.split(',').some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
