import 'server-only';
// The engine's streamed log upload (PUT /api/ingest/v1/sessions/{id}/log): the body is packed
// as it arrives, chunk rows are written one by one in short statements, and the upload becomes
// the session's log in one short transaction at the end. Until then the previous log stays;
// an upload that fails or breaks off removes its chunks, and the scheduled sweep removes those
// of an upload whose process died (sync_session_log_uploads says which are in progress).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { env } from '@/config/env';
import { ingestLimits } from '@/lib/db-limits';
import { ConcurrencySlots } from '@/lib/http/concurrency-slots';
import { HttpError, notFoundError, tooManyRequests } from '@/lib/http/errors';
import { LogPacker, LogTooLargeError, type PackedLog } from './log-packer';
import { deleteUploadChunks, insertChunk, installLog, type LogOwner } from './log-store';

const uploads = new ConcurrencySlots('log-uploads');
const RETRY_AFTER_SECONDS = 5;

/** Per instance, like the batches' slots: each upload holds a few megabytes and a core's share. */
export function takeLogUploadSlot(tenantId: string): () => void {
  const slot = uploads.take(tenantId, { perKey: env().LOG_UPLOADS_PER_TENANT, total: env().LOG_UPLOADS_TOTAL });
  if ('release' in slot) return slot.release;
  throw tooManyRequests(
    slot.refused === 'key'
      ? `This tenant already has ${slot.held} log uploads in progress; send the next when one is answered.`
      : 'The panel is receiving as many logs as it can; send this one again shortly.',
    RETRY_AFTER_SECONDS,
  );
}

/** The session a log upload is for, by the engine's id: 404 when the engine has not reported it. */
export async function findSessionByEngineId(db: Database, tenantId: string, engineId: string): Promise<LogOwner> {
  const [row] = await queryRows<{ id: string; started_at: Date | string }>(
    db,
    sql`select session_id as id, started_at from sync_session_engine_ids where tenant_id = ${tenantId}::uuid and engine_id = ${engineId}`,
  );
  if (!row) throw notFoundError(`No session with the id ${JSON.stringify(engineId)}: send it in a batch first, then its log.`);
  return { tenantId, sessionId: row.id, sessionStartedAt: new Date(row.started_at) };
}

/**
 * The body's pieces, ended with a 408 when it sends nothing for `idleMs` or is not whole within
 * `totalMs`: a slow client may not hold an upload slot for ever.
 */
export async function* boundedBody(body: ReadableStream<Uint8Array>, { idleMs, totalMs }: { idleMs: number; totalMs: number }): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  const deadline = Date.now() + totalMs;
  try {
    for (;;) {
      const wait = Math.min(idleMs, deadline - Date.now());
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, wait))));
      const next = await Promise.race([reader.read(), timedOut]).finally(() => clearTimeout(timer));
      if (next === 'timeout') {
        throw new HttpError(
          408,
          Date.now() >= deadline
            ? `The log did not arrive within ${Math.round(totalMs / 60_000)} minutes; send it again.`
            : `The log stopped arriving (nothing for ${Math.round(idleMs / 1000)} s); send it again.`,
        );
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Stores the pieces as the session's log; the previous log stays until this one is whole. */
export async function uploadLog(db: Database, owner: LogOwner, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<PackedLog> {
  const uploadId = randomUUID();
  await db.execute(sql`insert into sync_session_log_uploads (tenant_id, upload_id, session_started_at, session_id)
    values (${owner.tenantId}::uuid, ${uploadId}::uuid, ${owner.sessionStartedAt}, ${owner.sessionId}::uuid)`);
  const packer = new LogPacker((chunk) => insertChunk(db, owner, uploadId, chunk), maxBytes);
  try {
    for await (const piece of pieces) await packer.push(piece);
    const log = await packer.finish();
    await runTransaction(db, ingestLimits(), async (tx) => {
      await installLog(tx, owner, uploadId, log);
      await tx.execute(sql`delete from sync_session_log_uploads where tenant_id = ${owner.tenantId}::uuid and upload_id = ${uploadId}::uuid`);
    });
    return log;
  } catch (error) {
    packer.dispose();
    await discardUpload(db, owner, uploadId).catch(() => {});
    if (error instanceof LogTooLargeError) throw new HttpError(413, `The log is larger than the ${maxBytes} bytes a log may have.`);
    throw error;
  }
}

async function discardUpload(db: Database, owner: LogOwner, uploadId: string): Promise<void> {
  await deleteUploadChunks(db, owner, uploadId);
  await db.execute(sql`delete from sync_session_log_uploads where tenant_id = ${owner.tenantId}::uuid and upload_id = ${uploadId}::uuid`);
}

/** Removes the chunks of uploads that began longer ago than any upload may take: their process died. */
export async function sweepAbandonedUploads(db: Database, olderThanMs: number): Promise<number> {
  const abandoned = await queryRows<{ tenant_id: string; upload_id: string; session_id: string; session_started_at: Date | string }>(
    db,
    sql`select tenant_id, upload_id, session_id, session_started_at from sync_session_log_uploads
        where started_at < now() - make_interval(secs => ${olderThanMs / 1000}) order by started_at limit 100`,
  );
  for (const row of abandoned) {
    await discardUpload(db, { tenantId: row.tenant_id, sessionId: row.session_id, sessionStartedAt: new Date(row.session_started_at) }, row.upload_id);
  }
  return abandoned.length;
}
