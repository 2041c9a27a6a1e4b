// A large log streamed to the upload route is never held whole: the process's memory grows by a
// fraction of the log's size while it is stored. On PostgreSQL only: the embedded database keeps
// what it stores in this process's memory, which would be counted too.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { PUT as putLog } from '@/app/api/ingest/v1/sessions/[id]/log/route';
import { queryRows } from '@/db/client';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { mapEngineIds, prepareDays } from '../support/day-partitions';
import { utcDay } from '@/lib/partitions/utc-days';

const LOG_BYTES = 64 * 1024 * 1024;
const PIECE_BYTES = 64 * 1024;
const MAX_GROWTH_BYTES = 24 * 1024 * 1024;

/** LOG_BYTES of log lines made as they are read, piece by piece. */
function generatedLog(): ReadableStream<Uint8Array> {
  let sent = 0;
  let line = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= LOG_BYTES) return controller.close();
      const parts: string[] = [];
      let size = 0;
      while (size < PIECE_BYTES) {
        line++;
        const text = `2026-11-30T10:00:00Z ${line % 5000 === 0 ? 'ERROR' : 'INFO '} line ${line}: item ${(line * 2654435761) % 4294967296} ${(line * 40503) % 65536}\n`;
        parts.push(text);
        size += text.length;
      }
      const piece = Buffer.from(parts.join(''));
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
}

/** What is live: garbage collected first (vitest runs with --expose-gc), so that only retained memory counts. */
const usedBytes = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

describeEachDatabase('a large streamed log upload', (database, driver) => {
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    if (driver !== 'postgres') return;
    tenantId = (await createTenant(database().db, 'logs-mem')).id;
    token = (await createIngestionToken('command-line', { tenantId, name: 'engine' })).token;
    await database().db.execute(sql`insert into profiles (tenant_id, engine_id, name) values (${tenantId}::uuid, 'p', 'P')`);
    await database().db.execute(sql`insert into users (tenant_id, email, name, profile_id) select ${tenantId}::uuid, 'big@logs.test', 'Big', id from profiles where tenant_id = ${tenantId}::uuid`);
    await prepareDays(database().db, utcDay(new Date()), utcDay(new Date()));
    await database().db.execute(sql`insert into sync_sessions (tenant_id, started_at, engine_id, user_id, profile_id, status)
      select ${tenantId}::uuid, date_trunc('second', now()), 'big', u.id, u.profile_id, 'error' from users u where u.tenant_id = ${tenantId}::uuid`);
    await mapEngineIds(database().db, tenantId);
  });

  it.runIf(driver === 'postgres')(`stores ${LOG_BYTES / 1024 / 1024} MB with the memory growing by less than ${MAX_GROWTH_BYTES / 1024 / 1024} MB`, async () => {
    const before = usedBytes();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, usedBytes())), 50);
    const response = await putLog(
      new Request('http://panel.test/api/ingest/v1/sessions/big/log', { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: generatedLog(), duplex: 'half' } as RequestInit),
      { params: Promise.resolve({ id: 'big' }) },
    );
    clearInterval(sampler);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.sizeBytes).toBeGreaterThanOrEqual(LOG_BYTES);
    const [stored] = await queryRows<{ chunks: number }>(database().db, sql`select count(*)::int as chunks from sync_session_log_chunks where tenant_id = ${tenantId}::uuid`);
    expect(stored!.chunks).toBeGreaterThan(5);
    console.log(`log upload: ${LOG_BYTES / 1024 / 1024} MB stored, memory peak growth ${((peak - before) / 1024 / 1024).toFixed(1)} MB`);
    expect(peak - before).toBeLessThan(MAX_GROWTH_BYTES);
  }, 120_000);
});
