// npm run bench:ingest — times one batch of 10,000 sessions with 2 KB logs through the
// ingestion path (JSON parse, validation, references, one transaction). Target: < 30 s.
// Uses DATABASE_URL when set, else a throwaway embedded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, resolveDatabaseConfig, setDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { tenants } from '@/db/schema';
import { acceptBatch } from '@/lib/ingest/accept-batch';
import { env } from '@/lib/env';
import { runScript } from './run-script';

const SESSIONS = 10_000;
const USERS = 100;
const LOG_BYTES = 2_048;

runScript(async () => {
  const config = env();
  const tempDir = config.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sap-bench-'));
  const handle = openDatabase(tempDir ? { driver: 'pglite', dataDir: path.join(tempDir, 'pglite') } : resolveDatabaseConfig(config));
  setDatabase(handle);
  try {
    await migrateDatabase(handle);
    const [tenant] = await handle.db.insert(tenants).values({ slug: `bench-${Date.now()}`, name: 'Ingest benchmark' }).returning();
    const users = Array.from({ length: USERS }, (_, i) => ({ email: `user${i}@bench.test`, name: `User ${i}`, profileId: 'bench' }));
    await acceptBatch(tenant!.id, new TextEncoder().encode(JSON.stringify({ profiles: [{ id: 'bench', name: 'Bench' }], users })));
    const line = 'INFO  Contacts: batch of 120 sent to Salesforce in 312 ms; 3 changed, 0 issues\n';
    const log = line.repeat(Math.ceil(LOG_BYTES / line.length)).slice(0, LOG_BYTES);
    const start = Date.parse('2026-11-01T00:00:00Z');
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
    const began = performance.now();
    const counts = await acceptBatch(tenant!.id, body);
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `${handle.driver}: ${counts.sessions} sessions with ${LOG_BYTES} B logs (${(body.byteLength / 1024 / 1024).toFixed(1)} MB body) accepted in ${seconds.toFixed(1)} s — target < 30 s: ${seconds < 30 ? 'met' : 'MISSED'}`,
    );
    if (config.DATABASE_URL) {
      // Leave the server as it was: the benchmark's tenant goes, children first.
      for (const table of ['sync_issues', 'sync_session_logs', 'sync_sessions', 'users', 'profiles', 'audit_events', 'tenants']) {
        const column = table === 'tenants' ? 'id' : 'tenant_id';
        await handle.db.execute(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} = ${tenant!.id}`);
      }
    }
  } finally {
    await handle.close();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
});
