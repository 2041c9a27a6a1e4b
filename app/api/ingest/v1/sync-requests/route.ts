// GET /api/ingest/v1/sync-requests?after=<seq>&limit=<n> — the admins' Sync now requests for the
// engine, oldest first, after its cursor: `{ requests: [{ id, seq, userEmail, profileId,
// requestedAt }], next }`. A feed of its own (not part of sync-state, whose ETag would change at
// every click). Authenticated by the tenant's bearer token.
import { badRequest, errorResponse, unauthorized } from '@/lib/http/errors';
import { authenticateIngestion } from '@/lib/ingest/ingestion-tokens';
import { parseSearch } from '@/lib/search/parse-search';
import { syncRequestFeedSearch } from '@/lib/sync-requests/feed-search';
import { readSyncRequestFeed } from '@/lib/sync-requests/sync-request-feed';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const caller = await authenticateIngestion(request.headers.get('authorization'));
    if (!caller) throw unauthorized('A valid ingestion token is required (Authorization: Bearer <token>).');
    const parsed = parseSearch(syncRequestFeedSearch, new URL(request.url).searchParams);
    if (!parsed.ok) throw badRequest(parsed.message);
    const page = await readSyncRequestFeed(caller.tenantId, parsed.value.after, parsed.value.limit);
    return Response.json(page, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
