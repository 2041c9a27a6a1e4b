// npm run bench:explain [-- --size large]
// The plans of the key queries on a scale database: the data layer's own SQL, captured as the
// pages run it, then EXPLAIN (ANALYZE, BUFFERS, COSTS OFF). Printed as Markdown for BENCHMARKS.md.
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { Client } from 'pg';
import { inlineQuery } from '@/db/copy-out';
import { openDatabase, setDatabase } from '@/db/client';
import { databaseUrlBeside } from '@/db/server-databases';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { sessionsCsvSelect } from '@/lib/exports/sessions-csv-copy';
import { listIssues } from '@/lib/issues/list-issues';
import { getOverviewFigures } from '@/lib/overview/overview-figures';
import { overviewPeriod } from '@/lib/overview/overview-period';
import { parseEnv } from '@/config/env';
import { countSessions, listSessions } from '@/lib/sessions/list-sessions';
import { countUsers, listUsers } from '@/lib/users/list-users';
import { runScript } from './run-script';

runScript(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'large' } } });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to the PostgreSQL server of the scale databases.');
  const url = new URL(databaseUrlBeside(serverUrl, `sync_admin_scale_${values.size}`));
  const handle = openDatabase({ driver: 'postgres', url: url.toString() });
  setDatabase(handle);
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const one = async <Row>(text: string) => (await client.query(text)).rows[0] as Row;
    const { id: adminId } = await one<{ id: string }>(`select a.id from admins a join tenants t on t.id = a.tenant_id where t.slug = 'scale' and a.role = 'platform_admin' limit 1`);
    const viewer = (await loadViewer(handle.db, adminId)) as TenantViewer;
    const { id: profileId } = await one<{ id: string }>(`select id from profiles where engine_id = 'p0' and tenant_id = '${viewer.tenantId}'`);
    const { id: userId } = await one<{ id: string }>(`select user_id as id from sync_issues where engine_id = 'i1' and tenant_id = '${viewer.tenantId}'`);

    // Every statement the data layer sends goes through db.execute: capture, then explain.
    const captured: SQL[] = [];
    const execute = handle.db.execute.bind(handle.db);
    (handle.db as { execute: typeof execute }).execute = ((query: SQL) => {
      captured.push(query);
      return execute(query);
    }) as typeof execute;
    const FIRST = { after: null, before: null };
    const now = new Date();
    const window = { from: new Date(now.getTime() - 3 * 86_400_000), to: now };
    const cases: [string, () => Promise<unknown>][] = [
      ['Users, first page (name order)', () => listUsers(viewer, { status: null, q: null, sort: 'name', direction: 'asc', pageSize: 25, page: FIRST })],
      ['Users, capped count', () => countUsers(viewer, { status: null, q: null })],
      ['Profile statistics, first page (newest first)', () => listSessions(viewer, { owner: { kind: 'profile', id: profileId }, range: window }, { direction: 'desc', pageSize: 25, page: FIRST })],
      ['Profile statistics, capped count (3 days)', () => countSessions(viewer, { owner: { kind: 'profile', id: profileId }, range: window })],
      [
        'Profile statistics narrowed to one user (30 days)',
        async () => {
          const { id: profileUserId } = await one<{ id: string }>(`select id from users where tenant_id = '${viewer.tenantId}' and profile_id = '${profileId}' order by email limit 1`);
          const range = { from: new Date(now.getTime() - 30 * 86_400_000), to: now };
          return listSessions(viewer, { owner: { kind: 'profile', id: profileId }, range, user: profileUserId }, { direction: 'desc', pageSize: 25, page: FIRST });
        },
      ],
      ['Profile statistics by status (errors first)', () => listSessions(viewer, { owner: { kind: 'profile', id: profileId }, range: window }, { sort: 'status', direction: 'desc', pageSize: 25, page: FIRST })],
      ["A user's sync issues", () => listIssues(viewer, { owner: { kind: 'user', id: userId }, range: { from: null, to: null } }, { direction: 'desc', pageSize: 25, page: FIRST })],
      ['Overview, 7 days', () => getOverviewFigures(viewer, overviewPeriod(7, 'UTC', now))],
      ['Overview, 90 days', () => getOverviewFigures(viewer, overviewPeriod(90, 'UTC', now))],
    ];
    // The CSV export runs its SELECT through COPY, not db.execute: explained as it is.
    const exportRange = { from: new Date(now.getTime() - 91 * 86_400_000), to: new Date(now.getTime() + 86_400_000) };
    const exportSelect = sessionsCsvSelect(viewer, { owner: { kind: 'profile', id: profileId }, range: exportRange });
    cases.push(["Sessions CSV of profile 0, 91 days (the export's SELECT)", async () => captured.push(exportSelect)]);
    for (const [title, run] of cases) {
      captured.length = 0;
      await run();
      console.log(`\n### ${title}\n`);
      for (const query of [...captured]) {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${inlineQuery(query)}`);
        console.log('```');
        console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
        console.log('```');
      }
    }
  } finally {
    await client.end();
    await handle.close();
  }
});
