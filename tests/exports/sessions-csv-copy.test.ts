// On PostgreSQL the sessions CSV comes from COPY, formatted in SQL: it must be byte for byte
// the CSV the batch path writes, for every awkward value a message or category can hold.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { admins, profiles, syncSessions, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { sessionsCsvByCopy } from '@/lib/exports/sessions-csv-copy';
import { sessionsCsv, sessionsCsvInBatches } from '@/lib/exports/sessions-csv';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { prepareDays } from '../support/day-partitions';

const AWKWARD = [
  'plain',
  'a\nb',
  'a\rb',
  'a\r\nb',
  'tab\tinside',
  '\tleading tab',
  'trailing tab\t',
  ' leading space',
  'trailing nbsp\u00a0',
  '\u2003em space first',
  'back\\slash and \\n literal',
  'vertical\u000btab and form\u000cfeed and bell\u0007',
  'quote " and comma ,',
  '=SUM(A1)',
  '+1',
  '-2',
  '@cmd',
  '\rCR first',
  '\\.',
  '"',
  'end quote"',
  "'already quoted",
  'ünïcödé 🚀 漢字',
  '',
  null,
];

async function text(chunks: AsyncGenerator<string | Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

describeEachDatabase('the sessions CSV by COPY', (database, driver) => {
  let viewer: TenantViewer;
  let filter: SessionFilter;

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'copy-csv');
    const [profile] = await db.insert(profiles).values({ tenantId: tenant.id, engineId: 'p', name: 'P' }).returning();
    const [user] = await db.insert(users).values({ tenantId: tenant.id, email: 'x@copy.test', name: 'X', profileId: profile!.id }).returning();
    await prepareDays(db, '2026-11-01', '2026-11-01');
    await db.insert(syncSessions).values(
      AWKWARD.map((message, i) => ({
        tenantId: tenant.id,
        engineId: `e${i}`,
        userId: user!.id,
        profileId: profile!.id,
        startedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i, 987)),
        endedAt: i % 3 ? new Date(Date.UTC(2026, 10, 1, 1, 0, i, 1)) : null,
        status: (['success', 'error', 'skipped', 'canceled', 'ready', 'started'] as const)[i % 6]!,
        scope: i % 4 ? i * 10 : null,
        changes: i,
        issues: i % 2 ? 0 : null,
        errorCategory: message,
        errorSource: (['crm', 'mail_server', 'sync_application', null] as const)[i % 4],
        message,
      })),
    );
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@copy.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    filter = { owner: { kind: 'profile', id: profile!.id }, range: { from: null, to: null } };
  });

  it(`writes exactly the bytes of the batch path (${driver}: ${driver === 'postgres' ? 'COPY' : 'the batches themselves'})`, async () => {
    const handle = database();
    const byBatches = await text(sessionsCsvInBatches(viewer, filter));
    expect(byBatches.split('\r\n').length).toBeGreaterThan(AWKWARD.length);
    expect(await text(sessionsCsv(viewer, filter))).toBe(byBatches);
    if (handle.driver !== 'postgres') return;
    expect(await text(sessionsCsvByCopy(handle.pool, viewer, filter))).toBe(byBatches);
    // And no query is left behind.
    const active = await handle.db.execute(sql`select count(*)::int as n from pg_stat_activity where query ilike 'COPY (%' and state = 'active' and datname = current_database() and pid <> pg_backend_pid()`);
    expect((active as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
