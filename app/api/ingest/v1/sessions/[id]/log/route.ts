// PUT /api/ingest/v1/sessions/{id}/log — the engine sends one session's log as the request's
// body (plain text, or gzip with Content-Encoding: gzip), up to LOG_MAX_BYTES uncompressed: for
// logs too large for a batch's `sessions[].log`. {id} is the engine's session id. Streamed:
// never held in memory whole. Authenticated here by the tenant's bearer token, outside the proxy.
import { getDatabase } from '@/db/client';
import { env } from '@/config/env';
import { errorResponse, HttpError, unauthorized } from '@/lib/http/errors';
import { authenticateIngestion } from '@/lib/ingest/ingestion-tokens';
import { boundedBody, findSessionByEngineId, takeLogUploadSlot, uploadLog } from '@/lib/logs/log-uploads';

export const dynamic = 'force-dynamic';

/** The body as text: gunzipped when the engine says it is gzip; other encodings are refused. */
function decodedBody(request: Request): ReadableStream<Uint8Array> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!request.body) return new ReadableStream({ start: (controller) => controller.close() });
  if (encoding === 'identity') return request.body;
  if (encoding === 'gzip' || encoding === 'x-gzip') return request.body.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  throw new HttpError(415, `Content-Encoding ${JSON.stringify(encoding)} is not accepted: send the log as is or gzip'd (Content-Encoding: gzip).`);
}

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const caller = await authenticateIngestion(request.headers.get('authorization'));
    if (!caller) throw unauthorized('A valid ingestion token is required (Authorization: Bearer <token>).');
    const config = env();
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > config.LOG_MAX_BYTES) throw new HttpError(413, `The log is larger than the ${config.LOG_MAX_BYTES} bytes a log may have.`);
    const body = decodedBody(request);
    const releaseSlot = takeLogUploadSlot(caller.tenantId);
    try {
      const db = getDatabase().ingestDb;
      const owner = await findSessionByEngineId(db, caller.tenantId, (await params).id);
      const pieces = boundedBody(body, { idleMs: config.LOG_UPLOAD_IDLE_TIMEOUT_MS, totalMs: config.LOG_UPLOAD_TIMEOUT_MS });
      const log = await uploadLog(db, owner, gunzipErrorsAsBadRequest(pieces), config.LOG_MAX_BYTES);
      return Response.json(
        { session: (await params).id, sizeBytes: log.sizeBytes, lines: log.lineCount, firstErrorLine: log.firstErrorLine, errorPatterns: log.errorPatterns.length },
        { headers: { 'cache-control': 'no-store' } },
      );
    } finally {
      releaseSlot();
    }
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** A body that says gzip but is not is the sender's mistake: 400, not 500. */
async function* gunzipErrorsAsBadRequest(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* pieces;
  } catch (error) {
    if ((error as { code?: unknown }).code?.toString().startsWith('Z_')) {
      throw new HttpError(400, 'The body is not valid gzip (Content-Encoding: gzip).');
    }
    throw error;
  }
}
