// POST /api/ingest/v1/batch — the sync engine reports profiles, users, sessions, logs and issues.
// Outside the proxy (bodies up to 64 MB); authenticated here by the tenant's bearer token.
import { acceptBatch, MAX_BODY_BYTES } from '@/lib/ingest/accept-batch';
import { authenticateIngestion } from '@/lib/ingest/ingestion-tokens';
import { takeIngestSlot } from '@/lib/ingest/ingest-slots';
import { errorResponse, unauthorized } from '@/lib/http/errors';
import { readLimitedBody } from '@/lib/http/read-limited-body';
import { env } from '@/config/env';
import { observeBatch } from '@/lib/metrics/ingest-metrics';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return observeBatch(() => handleBatch(request));
}

async function handleBatch(request: Request): Promise<Response> {
  try {
    const caller = await authenticateIngestion(request.headers.get('authorization'));
    if (!caller) throw unauthorized('A valid ingestion token is required (Authorization: Bearer <token>).');
    // Taken before the body is read: the count of batches in progress bounds their memory.
    const releaseSlot = takeIngestSlot(caller.tenantId);
    try {
      const body = await readLimitedBody(request, MAX_BODY_BYTES, { timeoutMs: env().INGEST_BODY_TIMEOUT_MS });
      return Response.json(await acceptBatch(caller.tenantId, body), { headers: { 'cache-control': 'no-store' } });
    } finally {
      releaseSlot();
    }
  } catch (error) {
    return errorResponse(error, request);
  }
}
