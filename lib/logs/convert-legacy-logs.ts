import 'server-only';
// Logs stored before they were chunked are one DEFLATE stream (sync_session_logs.legacy_deflated,
// filled by migration 0007): no block can be read without inflating all before it. This step
// packs each into chunks like a new upload, a log per short transaction, after the migrations
// and before the panel serves (a started log's conversion is done again if the process dies).
import { sql } from 'drizzle-orm';
import { createInflateRaw } from 'node:zlib';
import { queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { scheduledLimits } from '@/lib/db-limits';
import { DEFLATE_END } from './log-blocks';
import { storePackedChunks } from './log-store';

const LOGS_PER_READ = 20;

async function* inflated(deflated: Uint8Array): AsyncGenerator<Uint8Array> {
  const inflater = createInflateRaw();
  inflater.end(deflated);
  for await (const piece of inflater) yield piece as Buffer;
}

/** Converts every legacy log; returns how many. */
export async function convertLegacyLogs(db: Database, log: (message: string) => void = () => {}): Promise<number> {
  let converted = 0;
  for (;;) {
    const rows = await queryRows<{ tenant_id: string; session_id: string; session_started_at: Date | string }>(
      db,
      sql`select tenant_id, session_id, session_started_at from sync_session_logs where upload_id is null limit ${LOGS_PER_READ}`,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      await runTransaction(db, scheduledLimits(), async (tx) => {
        const [legacy] = await queryRows<{ legacy_deflated: Uint8Array | null }>(
          tx,
          sql`select legacy_deflated from sync_session_logs where tenant_id = ${row.tenant_id}::uuid
              and session_started_at = ${row.session_started_at}::timestamptz and session_id = ${row.session_id}::uuid
              and upload_id is null for update`,
        );
        if (!legacy) return; // converted meanwhile by another instance
        const owner = { tenantId: row.tenant_id, sessionId: row.session_id, sessionStartedAt: new Date(row.session_started_at) };
        await storePackedChunks(tx, owner, inflated(legacy.legacy_deflated ?? DEFLATE_END), Number.MAX_SAFE_INTEGER);
      });
      converted += 1;
    }
    log(`converted ${converted} stored logs to chunks`);
  }
  return converted;
}
