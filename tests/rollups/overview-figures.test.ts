// The overview's figures equal direct aggregates of the rows, per scope and period, on both
// drivers; and its links carry the period and the filters.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { adminProfileScopes, admins, profiles } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { getOverviewFigures } from '@/lib/overview/overview-figures';
import { overviewLinks } from '@/lib/overview/overview-links';
import { overviewPeriod } from '@/lib/overview/overview-period';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

const NOW = new Date('2026-11-27T12:00:00Z');
const STATUSES = ['success', 'success', 'error', 'skipped', 'canceled', 'success', 'error'] as const;

describe('overview period and links', () => {
  it('covers whole days ending today and links with the instants they start and end at, and filters', () => {
    const period = overviewPeriod(7, 'UTC', NOW);
    expect(period).toMatchObject({ from: '2026-11-21', to: '2026-11-28' });
    expect(period.dayList).toHaveLength(7);
    const links = overviewLinks(period);
    expect(links.profileStatistics('p1', { status: 'error', errorCategory: 'Throttling', errorSource: 'crm' })).toBe(
      '/profiles/p1/statistics?from=2026-11-21&to=2026-11-28&status=error&errorCategory=Throttling&errorSource=crm',
    );
    expect(links.profileIssues('p1', { code: 7 })).toBe('/profiles/p1/sync-issues?from=2026-11-21&to=2026-11-28&code=7');
    expect(links.userStatistics('u1', { status: 'error' })).toBe('/users/u1/statistics?from=2026-11-21&to=2026-11-28&status=error');
  });
});

describeEachDatabase('overview figures from the rollups', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  let salesId: string;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'overview')).id;
    const users = Array.from({ length: 8 }, (_, i) => ({ email: `u${i}@ov.test`, name: `User ${i}`, profileId: i < 5 ? 'sales' : 'ops' }));
    users[1] = { ...users[1]!, syncError: { reason: 'Mailbox rejected the credentials', at: '2026-11-26T10:00:00Z' } } as (typeof users)[number];
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users,
      // 10 days of sessions: some before the 7-day period, which must not count.
      sessions: Array.from({ length: 240 }, (_, i) => {
        const status = STATUSES[i % STATUSES.length]!;
        return {
          id: `s${i}`,
          userEmail: users[i % users.length]!.email,
          startedAt: new Date(NOW.getTime() - i * 3_600_000).toISOString(),
          status,
          errorCategory: status === 'error' ? (i % 2 ? 'Throttling' : 'Authorization') : null,
          errorSource: status === 'error' ? ('mail_server' as const) : null,
        };
      }),
      issues: Array.from({ length: 40 }, (_, i) => ({
        id: `i${i}`,
        userEmail: users[(i * 3) % users.length]!.email,
        occurredAt: new Date(NOW.getTime() - i * 5 * 3_600_000).toISOString(),
        type: (['email', 'event', 'contact', 'task'] as const)[i % 4]!,
        direction: 'outlook_to_salesforce' as const,
        name: `Object ${i}`,
        operation: 'update' as const,
        errorCode: (i % 3) + 1,
      })),
    });
    salesId = (await db.select().from(profiles).where(sql`tenant_id = ${tenantId}::uuid and engine_id = 'sales'`))[0]!.id;
    const [b, l] = await db
      .insert(admins)
      .values([
        { tenantId, email: 'boss@ov.test', name: 'Boss', role: 'platform_admin' },
        { tenantId, email: 'lead@ov.test', name: 'Lead', role: 'profile_admin' },
      ])
      .returning();
    await db.insert(adminProfileScopes).values({ tenantId, adminId: l!.id, profileId: salesId });
    boss = (await loadViewer(db, b!.id)) as TenantViewer;
    lead = (await loadViewer(db, l!.id)) as TenantViewer;
  });

  const direct = async (profileCondition: ReturnType<typeof sql>) => {
    const period = overviewPeriod(7, 'UTC', NOW);
    const rows = await queryRows<{ status: string; n: number }>(
      database().db,
      sql`select status, count(*)::int as n from sync_sessions where tenant_id = ${tenantId}::uuid and ${profileCondition}
          and started_at >= ${period.from}::date and started_at < ${period.to}::date group by 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  it('counts sessions by status and day exactly as the rows do, inside the period only', async () => {
    const figures = await getOverviewFigures(boss, overviewPeriod(7, 'UTC', NOW));
    const want = await direct(sql`true`);
    for (const status of ['success', 'error', 'skipped', 'canceled'] as const) expect(figures.totals[status]).toBe(want[status] ?? 0);
    expect(figures.totals.all).toBe(Object.values(want).reduce((a, b) => a + b, 0));
    expect(figures.totals.all).toBeLessThan(240);
    expect(figures.sessionsByDay).toHaveLength(7);
    expect(figures.sessionsByDay.reduce((sum, d) => sum + d.counts.success, 0)).toBe(want.success);
    // Each status's total and its profiles, largest first, adding up to it (two profiles here).
    for (const row of figures.statuses) {
      expect(row.count).toBe(want[row.key]);
      expect(row.topProfiles.map((p) => p.count)).toEqual(row.topProfiles.map((p) => p.count).sort((a, b) => b - a));
      expect(row.topProfiles.reduce((sum, p) => sum + p.count, 0)).toBe(row.count);
    }
    expect(figures.errorCategories.map((c) => c.key.category).sort()).toEqual(['Authorization', 'Throttling']);
    expect(figures.errorSources).toEqual([expect.objectContaining({ key: 'mail_server', count: want.error })]);
    const perProfile = await queryRows<{ profileName: string; errorSessions: number; issues: number }>(
      database().db,
      sql`select p.name as "profileName",
            (select count(*) from sync_sessions s where s.tenant_id = p.tenant_id and s.profile_id = p.id and s.status = 'error' and s.started_at >= '2026-11-21'::date and s.started_at < '2026-11-28'::date)::int as "errorSessions",
            (select count(*) from sync_issues i where i.tenant_id = p.tenant_id and i.profile_id = p.id and i.occurred_at >= '2026-11-21'::date and i.occurred_at < '2026-11-28'::date)::int as issues
          from profiles p where p.tenant_id = ${tenantId}::uuid order by 1`,
    );
    expect(figures.profiles.map(({ profileName, errorSessions, issues }) => ({ profileName, errorSessions, issues })).sort((a, b) => a.profileName.localeCompare(b.profileName))).toEqual(perProfile);
    expect(perProfile.every((p) => p.errorSessions > 0 && p.issues > 0)).toBe(true);
    // Issue codes come from rows per type and code: each profile is listed once, with its sum.
    for (const code of figures.issueCodes) {
      const names = code.topProfiles.map((p) => p.profileName);
      expect(new Set(names).size).toBe(names.length);
      expect(code.topProfiles.reduce((sum, p) => sum + p.count, 0)).toBe(code.count);
    }
    expect(figures.disabledDueToError.count).toBe(1);
    expect(figures.disabledDueToError.worst[0]).toMatchObject({ userName: 'User 1', reason: 'Mailbox rejected the credentials' });
    const issues = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from sync_issues where tenant_id = ${tenantId}::uuid and occurred_at >= '2026-11-21'::date and occurred_at < '2026-11-28'::date`,
    );
    expect(figures.issuesTotal).toBe(issues[0]!.n);
  });

  it('ranks the users by their sessions in error and issues in the period, as the rows count them', async () => {
    const period = overviewPeriod(7, 'UTC', NOW);
    const inPeriod = (column: string) => sql`${sql.raw(column)} >= ${period.from}::date and ${sql.raw(column)} < ${period.to}::date`;
    const want = await queryRows<{ user_name: string; error_sessions: number; issues: number }>(
      database().db,
      sql`select u.name as user_name, count(*) filter (where x.kind = 'e')::int as error_sessions, count(*) filter (where x.kind = 'i')::int as issues
          from (select user_id, 'e' as kind from sync_sessions where tenant_id = ${tenantId}::uuid and status = 'error' and ${inPeriod('started_at')}
                union all select user_id, 'i' from sync_issues where tenant_id = ${tenantId}::uuid and ${inPeriod('occurred_at')}) x
          join users u on u.id = x.user_id group by 1 order by 1`,
    );
    for (const days of [7, 1] as const) {
      const figures = await getOverviewFigures(boss, overviewPeriod(days, 'UTC', NOW));
      const problems = figures.users.map((u) => u.errorSessions + u.issues);
      expect(problems).toEqual([...problems].sort((a, b) => b - a));
      if (days === 7) {
        expect(want.length).toBeGreaterThan(3);
        expect(figures.users.map(({ userName, errorSessions, issues }) => ({ user_name: userName, error_sessions: errorSessions, issues })).sort((a, b) => a.user_name.localeCompare(b.user_name))).toEqual(want);
      }
    }
  });

  it("keeps a profile admin to their profiles' figures", async () => {
    const figures = await getOverviewFigures(lead, overviewPeriod(7, 'UTC', NOW));
    const want = await direct(sql`profile_id = ${salesId}::uuid`);
    expect(figures.totals.all).toBe(Object.values(want).reduce((a, b) => a + b, 0));
    expect(figures.profiles.map((p) => p.profileName)).toEqual(['Sales']);
    expect(figures.users.every((u) => u.profileName === 'Sales')).toBe(true);
    expect(figures.statuses.flatMap((s) => s.topProfiles.map((p) => p.profileName))).not.toContain('Ops');
  });
});
