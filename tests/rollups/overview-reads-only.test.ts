// The overview only reads: whatever day its stored periods end on (never built, a day behind,
// several days, months), its figures equal those after the scheduled step has moved them to
// today, and reading moves nothing. The scheduled step moves each tenant once, even when two
// app instances run it at the same moment.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { adminProfileScopes, admins, profiles } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { getOverviewFigures } from '@/lib/overview/overview-figures';
import { OVERVIEW_DAYS, overviewPeriod } from '@/lib/overview/overview-period';
import { advanceWindows } from '@/lib/rollups/advance-windows';
import { storedWindowsAsOf } from '@/lib/rollups/period-rollup-rows';
import { moveWindowsTo } from '@/lib/rollups/rollup-windows';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { directWindowRollups, keptWindowRollups } from '../support/rollup-comparison';

const NOW = new Date('2026-11-27T12:00:00Z');
const TODAY = '2026-11-27';
const STATUSES = ['success', 'error', 'skipped', 'error', 'canceled', 'success'] as const;

describeEachDatabase('the overview, whatever day its periods were stored for', (database, driver) => {
  let tenantId: string;
  let viewers: TenantViewer[];

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'reads-only')).id;
    const users = Array.from({ length: 9 }, (_, i) => ({ email: `u${i}@ro.test`, name: `User ${i}`, profileId: i % 3 ? 'sales' : 'ops' }));
    // Twelve days of sessions and issues, today's included: days enter and leave every period.
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users,
      sessions: Array.from({ length: 290 }, (_, i) => {
        const status = STATUSES[i % STATUSES.length]!;
        return {
          id: `s${i}`,
          userEmail: users[(i * 7) % users.length]!.email,
          startedAt: new Date(NOW.getTime() - i * 3_600_000).toISOString(),
          status,
          errorCategory: status === 'error' ? (i % 2 ? 'Throttling' : 'Authorization') : null,
          errorSource: status === 'error' ? (['crm', 'mail_server'] as const)[i % 2]! : null,
        };
      }),
      issues: Array.from({ length: 70 }, (_, i) => ({
        id: `i${i}`,
        userEmail: users[(i * 4) % users.length]!.email,
        occurredAt: new Date(NOW.getTime() - i * 4 * 3_600_000).toISOString(),
        type: (['email', 'event', 'contact', 'task'] as const)[i % 4]!,
        direction: 'outlook_to_salesforce' as const,
        name: `Object ${i}`,
        operation: 'update' as const,
        errorCode: (i % 4) + 1,
      })),
    });
    const [sales] = await db.select().from(profiles).where(sql`tenant_id = ${tenantId}::uuid and engine_id = 'sales'`);
    const [boss, lead] = await db
      .insert(admins)
      .values([
        { tenantId, email: 'boss@ro.test', name: 'Boss', role: 'platform_admin' },
        { tenantId, email: 'lead@ro.test', name: 'Lead', role: 'profile_admin' },
      ])
      .returning();
    await db.insert(adminProfileScopes).values({ tenantId, adminId: lead!.id, profileId: sales!.id });
    viewers = [(await loadViewer(db, boss!.id)) as TenantViewer, (await loadViewer(db, lead!.id)) as TenantViewer];
  });

  const allFigures = async () => {
    const figures = [];
    for (const viewer of viewers) for (const days of OVERVIEW_DAYS) figures.push(await getOverviewFigures(viewer, overviewPeriod(days, 'UTC', NOW)));
    return figures;
  };

  it('shows what the moved periods show, and moves nothing', async () => {
    const { db } = database();
    // Never built: the figures come from the daily rollups alone.
    expect(await storedWindowsAsOf(db, tenantId)).toBeNull();
    const neverBuilt = await allFigures();
    expect(await storedWindowsAsOf(db, tenantId)).toBeNull();
    expect(neverBuilt[1]!.totals.error).toBeGreaterThan(0);

    for (const storedFor of ['2026-11-26', '2026-11-24', '2026-10-01']) {
      await moveWindowsTo(db, tenantId, storedFor);
      const beforeTheMove = await allFigures();
      expect(await storedWindowsAsOf(db, tenantId), `reading moved the periods stored for ${storedFor}`).toBe(storedFor);
      expect(beforeTheMove, `periods stored for ${storedFor}`).toEqual(neverBuilt);
    }

    expect(await advanceWindows(db, { today: TODAY })).toContain(tenantId);
    expect(await storedWindowsAsOf(db, tenantId)).toBe(TODAY);
    expect(await keptWindowRollups(db, tenantId)).toEqual(await directWindowRollups(db, tenantId, TODAY));
    expect(await allFigures()).toEqual(neverBuilt);
    // Moved once: the next checks of the day find nothing to do.
    expect(await advanceWindows(db, { today: TODAY })).toEqual([]);
  });

  it.runIf(driver === 'postgres')('moves each tenant once when two instances run the step at the same moment', async () => {
    const { db } = database();
    const others = await Promise.all(['a', 'b', 'c'].map(async (name) => (await createTenant(db, `reads-only-${name}`)).id));
    for (const id of others) await ingest(db, id, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'x@y.test', name: 'X', profileId: 'p' }], sessions: [{ id: 's', userEmail: 'x@y.test', startedAt: NOW.toISOString(), status: 'error', errorCategory: 'Throttling', errorSource: 'crm' }] });
    const tomorrow = '2026-11-28';
    const [first, second] = await Promise.all([advanceWindows(db, { today: tomorrow }), advanceWindows(db, { today: tomorrow })]);
    const moved = [...first!, ...second!];
    for (const id of [tenantId, ...others]) {
      expect(moved.filter((m) => m === id), `tenant ${id} moved once`).toHaveLength(1);
      expect(await storedWindowsAsOf(db, id)).toBe(tomorrow);
      expect(await keptWindowRollups(db, id)).toEqual(await directWindowRollups(db, id, tomorrow));
    }
  });
});
