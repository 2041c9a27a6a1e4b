import 'server-only';
// Logs in the database: writing an upload's chunks, making an upload the session's log, and
// reading chunks back (for lines, search and the ZIP). Callers have checked the viewer's scope
// or the engine's token: everything here is keyed by the tenant and the session it was given.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { instantList } from '@/lib/partitions/instant-list';
import { packBlockIndex, type LogChunk } from './log-blocks';
import { LogPacker, packText, type PackedLog } from './log-packer';
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

const chunkRow = (owner: LogOwner, uploadId: string, chunk: LogChunk) =>
  sql`(${owner.tenantId}::uuid, ${owner.sessionStartedAt}, ${owner.sessionId}::uuid, ${uploadId}::uuid, ${chunk.chunkNo},
      ${chunk.newlinesBefore}, ${chunk.newlines}, ${chunk.uncompressedOffset}, ${chunk.uncompressedBytes}, ${chunk.deflated}, ${packBlockIndex(chunk.blocks)})`;

async function insertChunkRows(db: Executor, rows: SQL[]): Promise<void> {
  await db.execute(sql`insert into sync_session_log_chunks
      (tenant_id, session_started_at, session_id, upload_id, chunk_no, newlines_before, newlines, uncompressed_offset, uncompressed_bytes, deflated, blocks)
    values ${sql.join(rows, sql`, `)}`);
}

export const insertChunk = (db: Executor, owner: LogOwner, uploadId: string, chunk: LogChunk) => insertChunkRows(db, [chunkRow(owner, uploadId, chunk)]);

/** A packed log about to become its session's log. */
export interface LogInstall {
  owner: LogOwner;
  uploadId: string;
  log: PackedLog;
}

/**
 * Makes each upload its session's log and removes the chunks of the logs they replace, in the
 * caller's transaction. The callers hold the sessions' rows locked (a batch has written them; an
 * upload marks its session as having a log first), so two uploads for one session take turns
 * and each removes exactly what it replaced. The logs' rows are locked in key order.
 */
export async function installLogs(tx: Executor, installs: LogInstall[]): Promise<void> {
  if (installs.length === 0) return;
  const sorted = [...installs].sort((a, b) => (a.owner.sessionId < b.owner.sessionId ? -1 : 1));
  const tenantId = sorted[0]!.owner.tenantId;
  const replaced = await queryRows<{ session_id: string; session_started_at: Date | string; upload_id: string | null }>(
    tx,
    sql`select session_id, session_started_at, upload_id from sync_session_logs
        where tenant_id = ${tenantId}::uuid
          and session_id in (${sql.join(sorted.map((i) => sql`${i.owner.sessionId}::uuid`), sql`, `)})
          and session_started_at in (${instantList(sorted.map((i) => i.owner.sessionStartedAt))})
        order by session_id for update`,
  );
  const rows = sorted.map(
    ({ owner, uploadId, log }) =>
      sql`(${owner.tenantId}::uuid, ${owner.sessionId}::uuid, ${owner.sessionStartedAt}, ${uploadId}::uuid, ${log.sizeBytes}, ${log.deflatedBytes},
           ${log.crc32}, ${log.lineCount}, ${log.firstErrorLine}, ${JSON.stringify(log.errorPatterns)}::jsonb, null, now())`,
  );
  await tx.execute(sql`insert into sync_session_logs
      (tenant_id, session_id, session_started_at, upload_id, size_bytes, deflated_bytes, crc32, line_count, first_error_line, error_patterns, legacy_deflated, created_at)
    values ${sql.join(rows, sql`, `)}
    on conflict (tenant_id, session_started_at, session_id) do update set upload_id = excluded.upload_id, size_bytes = excluded.size_bytes,
      deflated_bytes = excluded.deflated_bytes, crc32 = excluded.crc32, line_count = excluded.line_count,
      first_error_line = excluded.first_error_line, error_patterns = excluded.error_patterns, legacy_deflated = null, created_at = now()`);
  const newUpload = new Map(sorted.map((i) => [i.owner.sessionId, i.uploadId]));
  const stale = replaced.filter((row) => row.upload_id && row.upload_id !== newUpload.get(row.session_id));
  if (stale.length > 0) {
    // An upload id names one session's upload: the lists select exactly the stale uploads' chunks.
    const list = (values: SQL[]) => sql.join(values, sql`, `);
    await tx.execute(sql`delete from sync_session_log_chunks c where c.tenant_id = ${tenantId}::uuid
      and c.session_started_at in (${instantList(stale.map((row) => new Date(row.session_started_at)))})
      and c.session_id in (${list(stale.map((row) => sql`${row.session_id}::uuid`))})
      and c.upload_id in (${list(stale.map((row) => sql`${row.upload_id}::uuid`))})`);
  }
}

/** Marks the session as having a log (which locks its row until the transaction ends). */
async function markHasLog(tx: Executor, owner: LogOwner): Promise<void> {
  await tx.execute(sql`update sync_sessions set has_log = true
      where tenant_id = ${owner.tenantId}::uuid and started_at = ${owner.sessionStartedAt} and id = ${owner.sessionId}::uuid and not has_log`);
}

/** One upload: its session is marked as having a log (which locks its row), then it is installed. */
export async function installLog(tx: Executor, owner: LogOwner, uploadId: string, log: PackedLog): Promise<void> {
  await markHasLog(tx, owner);
  await installLogs(tx, [{ owner, uploadId, log }]);
}

/**
 * Stores pieces of text as the session's log in the caller's transaction: chunks are written as
 * they are packed. For a log converted at start-up (or any log read as a stream).
 */
export async function storePackedChunks(tx: Executor, owner: LogOwner, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<PackedLog> {
  const uploadId = randomUUID();
  const packer = new LogPacker((chunk) => insertChunk(tx, owner, uploadId, chunk), maxBytes);
  let log: PackedLog;
  try {
    for await (const piece of pieces) await packer.push(piece);
    log = await packer.finish();
  } finally {
    packer.dispose();
  }
  await installLog(tx, owner, uploadId, log);
  return log;
}

/** Rows of chunks per statement: a batch's logs are small, a few statements hold them all. */
const CHUNK_STATEMENT_BYTES = 4 * 1024 * 1024;

/**
 * Stores logs held in memory (those sent in a batch) as their sessions' logs, in the batch's
 * transaction, whose session rows are written already: a few statements for them all, not a
 * few per log.
 */
export async function storeLogTexts(tx: Executor, logs: { owner: LogOwner; text: Uint8Array }[], maxBytes: number): Promise<void> {
  const installs: LogInstall[] = [];
  let rows: SQL[] = [];
  let rowBytes = 0;
  for (const { owner, text } of logs) {
    const uploadId = randomUUID();
    const { chunks, log } = await packText(text, maxBytes);
    for (const chunk of chunks) {
      rows.push(chunkRow(owner, uploadId, chunk));
      rowBytes += chunk.deflated.length;
      if (rowBytes >= CHUNK_STATEMENT_BYTES) {
        await insertChunkRows(tx, rows);
        rows = [];
        rowBytes = 0;
      }
    }
    installs.push({ owner, uploadId, log });
  }
  if (rows.length > 0) await insertChunkRows(tx, rows);
  await installLogs(tx, installs);
}

/** One log held in memory (tests, generators): its session is marked as having a log. */
export async function storeLogText(tx: Executor, owner: LogOwner, text: Uint8Array, maxBytes: number): Promise<void> {
  await markHasLog(tx, owner);
  await storeLogTexts(tx, [{ owner, text }], maxBytes);
}

export async function deleteUploadChunks(db: Executor, owner: LogOwner, uploadId: string): Promise<void> {
  await db.execute(sql`delete from sync_session_log_chunks c where ${ownerIs(owner, 'c')} and c.upload_id = ${uploadId}::uuid`);
}

/** Reads a stored log's chunks: the index with each, compressed bytes by the range. */
export function chunkSource(db: Executor, text: StoredLogText): ChunkSource {
  const chunkIs = sql`${ownerIs(text, 'c')} and c.upload_id = ${text.uploadId}::uuid`;
  const indexColumns = sql`c.chunk_no, c.newlines_before, c.newlines, c.uncompressed_bytes, octet_length(c.deflated) as deflated_bytes, c.blocks`;
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
    // As base64 text: node-postgres reads bytea as hex, which costs a fifth more to move and
    // parse. Decoded into the caller's buffer, which a scan reuses run after run.
    deflatedRange: async (chunkNo, offset, length, into) => {
      const [row] = await queryRows<{ part: string }>(
        db,
        sql`select encode(substring(c.deflated from ${offset + 1} for ${length}), 'base64') as part from sync_session_log_chunks c where ${chunkIs} and c.chunk_no = ${chunkNo}`,
      );
      if (!row) throw new Error(`chunk ${chunkNo} of upload ${text.uploadId} is missing`);
      const written = into.write(row.part, 0, 'base64');
      if (written !== length) throw new Error(`chunk ${chunkNo} of upload ${text.uploadId} has ${written} bytes from ${offset}, not ${length}`);
    },
  };
}

/** The compressed text chunk by chunk, for a ZIP entry: one chunk (≤ 1 MB) in memory at a time.
 *  totalBytes (the log's deflated size, when known) ends the reading without asking for a chunk
 *  after the last: a ZIP of a thousand small logs asks a thousand statements fewer. */
export async function* deflatedChunks(db: Executor, text: StoredLogText, totalBytes?: number): AsyncGenerator<Uint8Array> {
  let read = 0;
  for (let chunkNo = 0; totalBytes === undefined || read < totalBytes; chunkNo++) {
    const [row] = await queryRows<{ deflated: Uint8Array }>(
      db,
      sql`select c.deflated from sync_session_log_chunks c
          where ${ownerIs(text, 'c')} and c.upload_id = ${text.uploadId}::uuid and c.chunk_no = ${chunkNo}`,
    );
    if (!row) return;
    read += row.deflated.length;
    yield new Uint8Array(row.deflated);
  }
}
