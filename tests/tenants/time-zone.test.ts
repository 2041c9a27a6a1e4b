// One time zone per organisation: a platform admin's change waits until the rollups are recounted
// in the new zone, then the overview counts that zone's days, and each of its figures equals the
// count of the page its link opens (the links carry the zone's day boundaries as instants).
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { loadViewer } from '@/lib/auth/viewer';
import { countIssues } from '@/lib/issues/list-issues';
import { issueFilterSearch } from '@/lib/issues/issue-search';
import { getOverviewFigures } from '@/lib/overview/overview-figures';
import { overviewLinks } from '@/lib/overview/overview-links';
import { overviewPeriod } from '@/lib/overview/overview-period';
import { parseSearch } from '@/lib/search/parse-search';
import { countSessions } from '@/lib/sessions/list-sessions';
import { sessionDownloadSearch } from '@/lib/sessions/session-search';
import { applyPendingTimeZone, getTenantTimeZone, setTenantTimeZone } from '@/lib/tenants/tenant-time-zone';
import { addDays, startOfDayIn } from '@/lib/time/zoned-time';
import { directDailyRollups, keptDailyRollups } from '../support/rollup-comparison';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const LA = 'America/Los_Angeles';
// 12:00 UTC is 04:00 in Los Angeles: "today" there started at 08:00 UTC.
const NOW = new Date('2026-11-27T12:00:00Z');
const STATUSES = ['success', 'error', 'skipped', 'error', 'canceled'] as const;

const query = (link: string) => new URL(link, 'http://panel.test').searchParams;

describeEachDatabase('the organisation’s time zone', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    const users = Array.from({ length: 6 }, (_, i) => ({ email: `u${i}@tz.test`, name: `User ${i}`, profileId: i < 4 ? 'sales' : 'ops' }));
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users,
      // Every 53 minutes for ten days: sessions on both sides of every midnight, UTC's and LA's.
      sessions: Array.from({ length: 272 }, (_, i) => {
        const status = STATUSES[i % STATUSES.length]!;
        return {
          id: `s${i}`,
          userEmail: users[i % users.length]!.email,
          startedAt: new Date(NOW.getTime() - i * 53 * 60_000).toISOString(),
          status,
          errorCategory: status === 'error' ? 'Throttling' : null,
          errorSource: status === 'error' ? ('crm' as const) : null,
        };
      }),
      issues: Array.from({ length: 60 }, (_, i) => ({
        id: `i${i}`,
        userEmail: users[(i * 5) % users.length]!.email,
        occurredAt: new Date(NOW.getTime() - i * 211 * 60_000).toISOString(),
        type: (['email', 'event', 'contact', 'task'] as const)[i % 4]!,
        direction: 'outlook_to_salesforce' as const,
        name: `Object ${i}`,
        operation: 'update' as const,
        errorCode: (i % 3) + 1,
      })),
    });
    ({ boss, lead } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
  });

  it('is UTC until a platform admin changes it, and a change waits for its recount', async () => {
    expect(await getTenantTimeZone(tenantId)).toEqual({ timeZone: 'UTC', pending: null });
    await expect(setTenantTimeZone({ viewer: lead, timeZone: LA })).rejects.toMatchObject({ status: 403 });
    await expect(setTenantTimeZone({ viewer: boss, timeZone: 'Pacific/Atlantis' })).rejects.toMatchObject({ status: 422 });
    expect(await setTenantTimeZone({ viewer: boss, timeZone: LA })).toEqual({ changed: true });
    const pending = await getTenantTimeZone(tenantId);
    expect(pending).toMatchObject({ timeZone: 'UTC', pending: { timeZone: LA } });
    // Until the recount, the rollups still count UTC days.
    expect((await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from audit_events where tenant_id = ${tenantId}::uuid and action = 'tenant.time_zone_change'`))[0]!.n).toBe(1);
    expect(await applyPendingTimeZone(database().db, tenantId)).toBe(true);
    expect(await getTenantTimeZone(tenantId)).toEqual({ timeZone: LA, pending: null });
    expect(await applyPendingTimeZone(database().db, tenantId)).toBe(false);
    expect((await loadViewer(database().db, boss.adminId))!.timeZone).toBe(LA);
    // The recount put every session and issue on its Los Angeles day.
    expect(await keptDailyRollups(database().db, tenantId)).toEqual(await directDailyRollups(database().db, tenantId));
    // Setting the same zone again changes nothing.
    expect(await setTenantTimeZone({ viewer: boss, timeZone: LA })).toEqual({ changed: false });
  });

  it('counts the overview in local days, each figure equal to the page its link opens', async () => {
    const viewer = (await loadViewer(database().db, boss.adminId)) as TenantViewer;
    const period = overviewPeriod(7, viewer.timeZone, NOW);
    // Today in Los Angeles is still the 27th's early morning... of the 27th: 04:00 local.
    expect(period).toMatchObject({ from: '2026-11-21', to: '2026-11-28', fromInstant: '2026-11-21T08:00:00.000Z', toInstant: '2026-11-28T08:00:00.000Z' });
    const figures = await getOverviewFigures(viewer, period);
    const links = overviewLinks(period);

    // The chart's days are Los Angeles days.
    for (const { day, counts } of figures.sessionsByDay) {
      const [row] = await queryRows<{ n: number }>(
        database().db,
        sql`select count(*)::int as n from sync_sessions where tenant_id = ${tenantId}::uuid
            and started_at >= ${startOfDayIn(LA, day)} and started_at < ${startOfDayIn(LA, addDays(day, 1))}`,
      );
      expect(Object.values(counts).reduce((a, b) => a + b, 0), day).toBe(row!.n);
    }

    const sessionsOnPage = async (link: string, profileId: string) => {
      const parsed = parseSearch(sessionDownloadSearch, query(link));
      if (!parsed.ok) throw new Error(parsed.message);
      const { range, status, errorCategory, errorSource } = parsed.value;
      return (await countSessions(viewer, { owner: { kind: 'profile', id: profileId }, range, status, errorCategory, errorSource })).count;
    };
    const issuesOnPage = async (link: string, profileId: string) => {
      const parsed = parseSearch(issueFilterSearch, query(link));
      if (!parsed.ok) throw new Error(parsed.message);
      const { range, type, operation, code } = parsed.value;
      return (await countIssues(viewer, { owner: { kind: 'profile', id: profileId }, range, type, operation, code })).count;
    };
    let checked = 0;
    for (const row of figures.statuses) {
      for (const profile of row.topProfiles) {
        expect(await sessionsOnPage(links.profileStatistics(profile.profileId, { status: row.key }), profile.profileId), `${row.key} of ${profile.profileName}`).toBe(profile.count);
        checked++;
      }
    }
    for (const profile of figures.profiles) {
      expect(await sessionsOnPage(links.profileStatistics(profile.profileId, { status: 'error' }), profile.profileId)).toBe(profile.errorSessions);
      expect(await issuesOnPage(links.profileIssues(profile.profileId), profile.profileId)).toBe(profile.issues);
      checked += 2;
    }
    for (const row of figures.issueCodes) {
      for (const profile of row.topProfiles) {
        expect(await issuesOnPage(links.profileIssues(profile.profileId, { code: row.key }), profile.profileId)).toBe(profile.count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    // "Today" starts at midnight in Los Angeles (08:00 UTC), not at midnight UTC.
    const today = await getOverviewFigures(viewer, overviewPeriod(1, LA, NOW));
    const since = async (from: string) =>
      (await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from sync_sessions where tenant_id = ${tenantId}::uuid and started_at >= ${new Date(from)}`))[0]!.n;
    expect(today.totals.all).toBe(await since('2026-11-27T08:00:00Z'));
    expect(today.totals.all).toBeLessThan(await since('2026-11-27T00:00:00Z'));
  });
});
