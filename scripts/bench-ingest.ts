// npm run bench:ingest — times one batch of 10,000 sessions with 2 KB logs through the
// ingestion path (JSON parse, validation, references, one transaction). Target: < 30 s.
// Then 8 batches of 1,250 sessions at once, to one tenant (they take turns on the tenant's
// ingestion lock) and to 8 tenants (side by side): the cost of keeping rollups exact.
// Uses DATABASE_URL when set, else a throwaway embedded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, resolveDatabaseConfig, setDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { tenants } from '@/db/schema';
import { acceptBatch } from '@/lib/ingest/accept-batch';
import { env } from '@/config/env';
import { runScript } from './run-script';

const SESSIONS = 10_000;
const USERS = 100;
// --log-bytes N: 6,200 makes the body about 64 MB, the largest a batch may be.
const logBytesArg = process.argv.indexOf('--log-bytes');
const LOG_BYTES = logBytesArg > 0 ? Number(process.argv[logBytesArg + 1]) : 2_048;
const PARALLEL = 8;
const PARALLEL_SESSIONS = 1_250;

async function deleteTenant(db: Database, id: string) {
  const tables = ['sync_issues', 'sync_session_logs', 'sync_sessions', 'users', 'profiles', 'audit_events',
    'daily_session_counts', 'daily_issue_counts', 'daily_user_problems', 'daily_status_counts',
    'window_session_counts', 'window_issue_counts', 'window_user_problems', 'rollup_windows', 'tenants'];
  for (const table of tables) {
    const column = table === 'tenants' ? 'id' : 'tenant_id';
    await db.execute(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`);
  }
}

runScript(async () => {
  const config = env();
  const tempDir = config.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sap-bench-'));
  const handle = openDatabase(tempDir ? { driver: 'pglite', dataDir: path.join(tempDir, 'pglite') } : resolveDatabaseConfig(config));
  setDatabase(handle);
  try {
    await migrateDatabase(handle);
    const [tenant] = await handle.db.insert(tenants).values({ slug: `bench-${Date.now()}`, name: 'Ingest benchmark' }).returning();
    const tenantIds = [tenant!.id];
    const users = Array.from({ length: USERS }, (_, i) => ({ email: `user${i}@bench.test`, name: `User ${i}`, profileId: 'bench' }));
    const directory = new TextEncoder().encode(JSON.stringify({ profiles: [{ id: 'bench', name: 'Bench' }], users }));
    await acceptBatch(tenant!.id, directory);
    const line = 'INFO  Contacts: batch of 120 sent to Salesforce in 312 ms; 3 changed, 0 issues\n';
    const log = line.repeat(Math.ceil(LOG_BYTES / line.length)).slice(0, LOG_BYTES);
    const start = Date.parse('2026-11-01T00:00:00Z');
    const sessionsBody = (prefix: string, count: number) => new TextEncoder().encode(JSON.stringify({ sessions: Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-s${i}`,
      userEmail: `user${i % USERS}@bench.test`,
      startedAt: new Date(start + i * 60_000).toISOString(),
      endedAt: new Date(start + i * 60_000 + 30_000).toISOString(),
      status: i % 10 === 0 ? 'error' : 'success',
      errorCategory: i % 10 === 0 ? 'Throttling' : null,
      scope: 120,
      changes: 3,
      issues: 0,
      log,
    })) }));
    const sessions = Array.from({ length: SESSIONS }, (_, i) => ({
      id: `bench-s${i}`,
      userEmail: `user${i % USERS}@bench.test`,
      startedAt: new Date(start + i * 60_000).toISOString(),
      endedAt: new Date(start + i * 60_000 + 30_000).toISOString(),
      status: 'success',
      scope: 120,
      changes: 3,
      issues: 0,
      log,
    }));
    const body = new TextEncoder().encode(JSON.stringify({ sessions }));
    sessions.length = 0;
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const began = performance.now();
    const counts = await acceptBatch(tenant!.id, body);
    const seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    console.log(`memory: resident set grew by at most ${((rssPeak - rssBefore) / 1024 / 1024).toFixed(0)} MB while the batch was parsed and written (the body itself was already in memory)`);
    console.log(
      `${handle.driver}: ${counts.sessions} sessions with ${LOG_BYTES} B logs (${(body.byteLength / 1024 / 1024).toFixed(1)} MB body) accepted in ${seconds.toFixed(1)} s — target < 30 s: ${seconds < 30 ? 'met' : 'MISSED'}`,
    );

    for (let i = 1; i < PARALLEL; i++) {
      const [other] = await handle.db.insert(tenants).values({ slug: `bench-${Date.now()}-${i}`, name: `Ingest benchmark ${i}` }).returning();
      tenantIds.push(other!.id);
      await acceptBatch(other!.id, directory);
    }
    for (const [label, tenantOf] of [
      ['one tenant', () => tenant!.id],
      [`${PARALLEL} tenants`, (n: number) => tenantIds[n]!],
    ] as const) {
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        const bodies = Array.from({ length: PARALLEL }, (_, n) => sessionsBody(`p${label.length}-${round}-${n}`, PARALLEL_SESSIONS));
        const began = performance.now();
        await Promise.all(bodies.map((body, n) => acceptBatch(tenantOf(n), body)));
        times.push((performance.now() - began) / 1000);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${handle.driver}: ${PARALLEL} batches of ${PARALLEL_SESSIONS} sessions at once, ${label}: median ${times[1]!.toFixed(2)} s (runs ${times.map((t) => t.toFixed(2)).join(', ')}), ${Math.round((PARALLEL * PARALLEL_SESSIONS) / times[1]!)} sessions/s`,
      );
    }
    if (config.DATABASE_URL) {
      // Leave the server as it was: the benchmark's tenants go, children first.
      for (const id of tenantIds) await deleteTenant(handle.db, id);
    }
  } finally {
    await handle.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
});
