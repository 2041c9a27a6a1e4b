// npm run bench:bulk [-- --size small|large --runs 5]
// Enabling every user of the scale tenant disabled due to one reason (50,000 users at either
// size): the panel's bulk action (lib/sync-status/bulk-set-sync-enabled.ts: the users locked,
// switched, one audit event and a row per user in audit_event_users) against psql running the
// UPDATE of the same rows alone (its own statement time, `\timing`). The runs alternate; the
// users are put back in error between runs. Prints a Markdown table (see BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { parseEnv } from '@/config/env';
import { openDatabase, setDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { bulkSetUsersSyncEnabled } from '@/lib/sync-status/bulk-set-sync-enabled';
import { ensureScaleDatabase, type Size } from './bench/scale-database';
import { runScript, ScriptProblem } from './run-script';

const log = (line: string) => console.error(`[bench:bulk] ${line}`);
const REASON = 'Mailbox rejected the credentials (bench)';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

runScript(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'large' }, runs: { type: 'string', default: '5' } } });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new ScriptProblem('Set DATABASE_URL to a PostgreSQL server (the scale databases live beside it).');
  const url = await ensureScaleDatabase(serverUrl, values.size as Size, log);
  const client = new Client({ connectionString: url });
  await client.connect();
  const handle = openDatabase({ driver: 'postgres', url });
  // A scale database made by an older version lacks the newer tables (the panel's start would
  // add them; this script does not start it).
  await migrateDatabase(handle);
  setDatabase(handle);
  try {
    const { rows: tenants } = await client.query<{ id: string }>(`select id from tenants where slug = 'scale'`);
    const tenantId = tenants[0]!.id;
    const { rows: admins } = await client.query<{ id: string }>(
      `insert into admins (tenant_id, email, name, role) values ($1, 'bulk-bench@scale.test', 'Bulk Bench', 'platform_admin')
       on conflict (tenant_id, email) do update set name = excluded.name returning id`,
      [tenantId],
    );
    const viewer = (await loadViewer(handle.db, admins[0]!.id)) as TenantViewer;
    // Every user of an enabled profile, switched on, with the same error reported an hour ago.
    const putInError = async () => {
      await client.query(
        `update users u set sync_enabled = true, sync_enabled_at = null, sync_error_reason = $2, sync_error_at = now() - interval '1 hour'
         from profiles p where p.tenant_id = u.tenant_id and p.id = u.profile_id and p.sync_enabled and u.tenant_id = $1`,
        [tenantId, REASON],
      );
      await client.query('vacuum analyze users');
      await client.query('checkpoint');
    };
    const { rows: counted } = await client.query<{ n: string }>(
      `select count(*) n from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id where u.tenant_id = $1 and p.sync_enabled`,
      [tenantId],
    );
    const expected = Number(counted[0]!.n);
    log(`${expected.toLocaleString('en-US')} users to enable per run`);
    // The same rows and the same change as the panel's statement, without its audit.
    const update = `update users u set sync_enabled = true, sync_enabled_at = now(), sync_enabled_changed_at = now(), updated_at = now()
      from profiles p where p.tenant_id = u.tenant_id and p.id = u.profile_id and u.tenant_id = '${tenantId}'
      and u.sync_error_reason = '${REASON.replace(/'/g, "''")}' and u.sync_error_at is not null and u.sync_enabled and p.sync_enabled
      and (u.sync_enabled_at is null or u.sync_error_at > u.sync_enabled_at)`;
    const psqlRuns: number[] = [];
    const panelRuns: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      await putInError();
      const out = execFileSync('psql', [url, '-qAt', '-c', '\\timing on', '-c', update.replace(/\s+/g, ' ')], { encoding: 'utf8' });
      const time = /Time: ([\d.]+) ms/.exec(out);
      if (!time) throw new ScriptProblem(`psql printed no time: ${out}`);
      psqlRuns.push(Number(time[1]));
      await putInError();
      const started = performance.now();
      const result = await bulkSetUsersSyncEnabled({ viewer, enabled: true, target: { kind: 'all', filter: { status: 'error', reason: REASON, q: null }, except: [] } });
      panelRuns.push(performance.now() - started);
      if (result.changed !== expected) throw new ScriptProblem(`the bulk action changed ${result.changed} users, not ${expected}`);
      log(`run ${run + 1}: psql ${psqlRuns.at(-1)!.toFixed(0)} ms, panel ${panelRuns.at(-1)!.toFixed(0)} ms`);
    }
    const [psqlMs, panelMs] = [median(psqlRuns), median(panelRuns)];
    console.log(`\n### Bulk enable (${values.size} scale, ${expected.toLocaleString('en-US')} users, median of ${values.runs})\n`);
    console.log('| what | time | target |');
    console.log('|---|---:|---|');
    console.log(`| psql: the UPDATE of the same rows (statement time) | ${psqlMs.toFixed(0)} ms | |`);
    console.log(`| panel: the bulk action (lock, update, audit event, ${expected.toLocaleString('en-US')} audit rows; one transaction) | ${panelMs.toFixed(0)} ms | |`);
    console.log(`| panel ÷ psql | ${(panelMs / psqlMs).toFixed(2)} | ≤ 2 |`);
  } finally {
    await client.query(`update users set sync_error_reason = null, sync_error_at = null where sync_error_reason = $1`, [REASON]);
    await client.end();
    await handle.close();
  }
});
