// npm run bench:pglite [-- --sessions 500000]
// The embedded database's CSV path (keyset batches formatted in Node): rows per second of a
// profile's export in an in-memory PGlite loaded by the scale generator, and, for scale, the
// same SELECT run through PGlite's own COPY ... TO (the closest to `psql \copy` it has).
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, setDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { generateScale } from '@/lib/scale/generate-scale';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { sessionsCsvInBatches } from '@/lib/exports/sessions-csv';
import { runScript } from './run-script';

runScript(async () => {
  const { values } = parseArgs({ options: { sessions: { type: 'string', default: '500000' } } });
  const sessions = Number(values.sessions);
  const handle = openDatabase({ driver: 'pglite', dataDir: null });
  if (handle.driver !== 'pglite') throw new Error('unreachable');
  setDatabase(handle);
  await migrateDatabase(handle);
  const started = Date.now();
  // Two profiles: profile 1 holds nine users in ten, so its export is most of the sessions.
  const { tenantId } = await generateScale(handle.db, { profiles: 2, users: 5_000, sessions, issues: 1_000, days: 90, logEvery: 1_000_000, bigLogs: { count: 1, bytes: 1_000 } }, async (_label, run) => {
    await run();
  }, { dropIndexesWhileLoading: true });
  console.log(`loaded ${sessions} sessions into PGlite in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const [admin] = await queryRows<{ id: string }>(handle.db, sql`insert into admins (tenant_id, email, name, role) values (${tenantId}::uuid, 'bench@scale.test', 'Bench', 'platform_admin') returning id`);
  const viewer = (await loadViewer(handle.db, admin!.id)) as TenantViewer;
  const [profile] = await queryRows<{ id: string }>(handle.db, sql`select id from profiles where tenant_id = ${tenantId}::uuid and engine_id = 'p1'`);
  const filter = { owner: { kind: 'profile' as const, id: profile!.id }, range: { from: null, to: null } };

  let t0 = performance.now();
  let bytes = 0;
  let rows = -1;
  for await (const chunk of sessionsCsvInBatches(viewer, filter)) {
    bytes += Buffer.byteLength(chunk);
    rows += chunk.split('\r\n').length - 1;
  }
  const panelSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await handle.pglite.query(
    `copy (select s.id, u.id, u.email, s.started_at, s.ended_at, s.status, s.scope, s.changes, s.issues, s.error_category, s.error_source, s.message
      from sync_sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
      where s.tenant_id = '${tenantId}' and s.profile_id = '${profile!.id}' order by s.started_at, s.id) to '/dev/blob' with csv header`,
  );
  const copySeconds = (performance.now() - t0) / 1000;
  console.log(`| PGlite | CSV (rows/s) vs PGlite COPY | ${rows.toLocaleString('en-US')} | ${(rows / panelSeconds).toFixed(0)} | ${(rows / copySeconds).toFixed(0)} | ${(copySeconds / panelSeconds).toFixed(2)} | ${(bytes / 1e6).toFixed(0)} MB |`);
  await handle.close();
});
