import 'server-only';
// Logs in the database: writing an upload's chunks, making an upload the session's log, and
// reading chunks back (for lines, search and the ZIP). Callers have checked the viewer's scope
// or the engine's token: everything here is keyed by the tenant and the session it was given.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { packBlockIndex, type LogChunk } from './log-blocks';
import { LogPacker, type PackedLog } from './log-packer';
import { chunkIndexFromRow, type ChunkIndex, type ChunkSource } from './log-reader';

type Executor = Pick<Database, 'execute'>;

/** The session a log belongs to, by the keys of its rows. */
export interface LogOwner {
  tenantId: string;
  sessionId: string;
  sessionStartedAt: Date;
}

/** Where a stored log's text is: its owner and the upload that holds its chunks. */
export interface StoredLogText extends LogOwner {
  uploadId: string;
}

const ownerIs = (owner: LogOwner, alias: string) =>
  sql`${sql.raw(alias)}.tenant_id = ${owner.tenantId}::uuid and ${sql.raw(alias)}.session_started_at = ${owner.sessionStartedAt}
      and ${sql.raw(alias)}.session_id = ${owner.sessionId}::uuid`;

export async function insertChunk(db: Executor, owner: LogOwner, uploadId: string, chunk: LogChunk): Promise<void> {
  await db.execute(sql`insert into sync_session_log_chunks
      (tenant_id, session_started_at, session_id, upload_id, chunk_no, newlines_before, newlines, uncompressed_offset, uncompressed_bytes, deflated, blocks)
    values (${owner.tenantId}::uuid, ${owner.sessionStartedAt}, ${owner.sessionId}::uuid, ${uploadId}::uuid, ${chunk.chunkNo},
      ${chunk.newlinesBefore}, ${chunk.newlines}, ${chunk.uncompressedOffset}, ${chunk.uncompressedBytes}, ${chunk.deflated}, ${packBlockIndex(chunk.blocks)})`);
}

/**
 * Makes the upload the session's log and removes the chunks of the log it replaces, in the
 * caller's transaction (or, for a test or a generator, statement by statement). The session row is locked first (marking it as having a log), so two
 * uploads for one session take turns and each removes exactly what it replaced.
 */
export async function installLog(tx: Executor, owner: LogOwner, uploadId: string, log: PackedLog): Promise<void> {
  await tx.execute(sql`update sync_sessions set has_log = true
      where tenant_id = ${owner.tenantId}::uuid and started_at = ${owner.sessionStartedAt} and id = ${owner.sessionId}::uuid and not has_log`);
  const [replaced] = await queryRows<{ upload_id: string | null }>(
    tx,
    sql`select upload_id from sync_session_logs l where l.tenant_id = ${owner.tenantId}::uuid and l.session_id = ${owner.sessionId}::uuid for update`,
  );
  const facts = sql`${log.sizeBytes}, ${log.deflatedBytes}, ${log.crc32}, ${log.lineCount}, ${log.firstErrorLine}, ${JSON.stringify(log.errorPatterns)}::jsonb`;
  await tx.execute(sql`insert into sync_session_logs
      (tenant_id, session_id, session_started_at, upload_id, size_bytes, deflated_bytes, crc32, line_count, first_error_line, error_patterns, legacy_deflated, created_at)
    values (${owner.tenantId}::uuid, ${owner.sessionId}::uuid, ${owner.sessionStartedAt}, ${uploadId}::uuid, ${facts}, null, now())
    on conflict (tenant_id, session_id) do update set upload_id = excluded.upload_id, size_bytes = excluded.size_bytes,
      deflated_bytes = excluded.deflated_bytes, crc32 = excluded.crc32, line_count = excluded.line_count,
      first_error_line = excluded.first_error_line, error_patterns = excluded.error_patterns, legacy_deflated = null, created_at = now()`);
  if (replaced?.upload_id && replaced.upload_id !== uploadId) await deleteUploadChunks(tx, owner, replaced.upload_id);
}

/**
 * Stores pieces of text as the session's log in the caller's transaction: chunks are written as
 * they are packed. For a log held in memory (one sent in a batch) or converted at start-up.
 */
export async function storePackedChunks(tx: Executor, owner: LogOwner, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<PackedLog> {
  const uploadId = randomUUID();
  const packer = new LogPacker((chunk) => insertChunk(tx, owner, uploadId, chunk), maxBytes);
  for await (const piece of pieces) await packer.push(piece);
  const log = await packer.finish();
  await installLog(tx, owner, uploadId, log);
  return log;
}

export const storeLogText = (tx: Executor, owner: LogOwner, text: Uint8Array, maxBytes: number) => storePackedChunks(tx, owner, [text], maxBytes);

export async function deleteUploadChunks(db: Executor, owner: LogOwner, uploadId: string): Promise<void> {
  await db.execute(sql`delete from sync_session_log_chunks c where ${ownerIs(owner, 'c')} and c.upload_id = ${uploadId}::uuid`);
}

/** Reads a stored log's chunks: the index with each, compressed bytes by the range. */
export function chunkSource(db: Executor, text: StoredLogText): ChunkSource {
  const chunkIs = sql`${ownerIs(text, 'c')} and c.upload_id = ${text.uploadId}::uuid`;
  const indexColumns = sql`c.chunk_no, c.newlines_before, c.newlines, octet_length(c.deflated) as deflated_bytes, c.blocks`;
  type IndexRow = Parameters<typeof chunkIndexFromRow>[0];
  const one = async (query: ReturnType<typeof sql>): Promise<ChunkIndex | null> => {
    const [row] = await queryRows<IndexRow>(db, query);
    return row ? chunkIndexFromRow(row) : null;
  };
  return {
    chunkForLine: (line) =>
      line <= 1
        ? one(sql`select ${indexColumns} from sync_session_log_chunks c where ${chunkIs} and c.chunk_no = 0`)
        : one(sql`select ${indexColumns} from sync_session_log_chunks c where ${chunkIs} and c.newlines_before < ${line - 1}
                  order by c.newlines_before desc, c.chunk_no desc limit 1`),
    chunk: (chunkNo) => one(sql`select ${indexColumns} from sync_session_log_chunks c where ${chunkIs} and c.chunk_no = ${chunkNo}`),
    deflatedRange: async (chunkNo, offset, length) => {
      const [row] = await queryRows<{ part: Uint8Array }>(
        db,
        sql`select substring(c.deflated from ${offset + 1} for ${length}) as part from sync_session_log_chunks c where ${chunkIs} and c.chunk_no = ${chunkNo}`,
      );
      if (!row) throw new Error(`chunk ${chunkNo} of upload ${text.uploadId} is missing`);
      return Buffer.from(row.part.buffer, row.part.byteOffset, row.part.byteLength);
    },
  };
}

/** The compressed text chunk by chunk, for a ZIP entry: one chunk (≤ 1 MB) in memory at a time. */
export async function* deflatedChunks(db: Executor, text: StoredLogText): AsyncGenerator<Uint8Array> {
  for (let chunkNo = 0; ; chunkNo++) {
    const [row] = await queryRows<{ deflated: Uint8Array }>(
      db,
      sql`select c.deflated from sync_session_log_chunks c
          where ${ownerIs(text, 'c')} and c.upload_id = ${text.uploadId}::uuid and c.chunk_no = ${chunkNo}`,
    );
    if (!row) return;
    yield new Uint8Array(row.deflated);
  }
}
