import 'server-only';
// The overview's figures for the viewer's scope and period: the breakdowns and rankings from the
// period rollups (a row per profile and key; the worst users by index), the chart from the daily
// rollups, never from scans of sessions or issues; and the few users disabled due to an error.
// It only reads: before the scheduled step has moved the periods to a new day, the period
// rollups are read as they will be once moved (lib/rollups/period-rollup-rows.ts).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import type { ErrorSource, SessionStatus, IssueType } from '@/domain/sync-vocabulary';
import type { TenantViewer } from '@/lib/auth/viewer';
import { inViewerScope } from '@/lib/scope/profile-scope';
import { effectiveSyncStatusIs, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { periodRollupRows, storedWindowsAsOf } from '@/lib/rollups/period-rollup-rows';
import { ISSUE_COUNTS, SESSION_COUNTS, USER_PROBLEMS, type WindowedRollup } from '@/lib/rollups/rollup-windows';
import type { OverviewPeriod } from './overview-period';
import { breakdownOf, rankedBreakdownsQuery, type BreakdownRow, type ProfileCount, type RankedRow } from './ranked-breakdown';

export type { BreakdownRow, ProfileCount };

export interface OverviewFigures {
  sessionsByDay: { day: string; counts: Record<SessionStatus, number> }[];
  totals: Record<SessionStatus, number> & { all: number };
  /** Per status: the profiles with the most sessions in it. */
  statuses: BreakdownRow<SessionStatus>[];
  errorCategories: BreakdownRow<{ category: string; source: ErrorSource | null }>[];
  errorSources: BreakdownRow<ErrorSource | null>[];
  profiles: { profileId: string; profileName: string; errorSessions: number; issues: number }[];
  users: { userId: string; userName: string; profileName: string; errorSessions: number; issues: number }[];
  disabledDueToError: { count: number; worst: { userId: string; userName: string; reason: string | null; since: string | null; errorSessions: number }[] };
  issueTypes: BreakdownRow<IssueType>[];
  issueCodes: BreakdownRow<number>[];
  issuesTotal: number;
}

const TOP = 10;

const emptyCounts = (): Record<SessionStatus, number> => ({ ready: 0, started: 0, success: 0, skipped: 0, canceled: 0, error: 0 });

/** The profiles with the most sessions in error and issues together, from each one's totals. */
function profileRanking(errors: RankedRow[], issues: RankedRow[]): OverviewFigures['profiles'] {
  const byProfile = new Map<string, OverviewFigures['profiles'][number]>();
  const entry = (row: RankedRow) => {
    const found = byProfile.get(row.profile_id) ?? { profileId: row.profile_id, profileName: row.profile_name, errorSessions: 0, issues: 0 };
    byProfile.set(row.profile_id, found);
    return found;
  };
  for (const row of errors) entry(row).errorSessions += row.n;
  for (const row of issues) entry(row).issues += row.n;
  return [...byProfile.values()]
    .sort((a, b) => b.errorSessions + b.issues - (a.errorSessions + a.issues) || a.profileName.localeCompare(b.profileName))
    .slice(0, TOP);
}

export async function getOverviewFigures(viewer: TenantViewer, period: OverviewPeriod): Promise<OverviewFigures> {
  const db = await readDatabase();
  const asOf = await storedWindowsAsOf(db, viewer.tenantId);
  const periodRows = (rollup: WindowedRollup) => periodRollupRows(rollup, viewer.tenantId, period.days, asOf, period.dayList.at(-1)!);
  const inScope = (alias: string) => inViewerScope(viewer, sql.raw(`${alias}.tenant_id`), sql.raw(`${alias}.profile_id`));
  // The period's rows of a period rollup (one per profile and key, or per user).
  const inWindow = (alias: string): SQL => sql`${inScope(alias)} and ${sql.raw(alias)}.days = ${period.days}`;
  const inError = sql`case when r.status = 'error' then r.sessions else 0 end`;
  const profileJoin = (alias: string) => sql.raw(`join profiles p on p.tenant_id = ${alias}.tenant_id and p.id = ${alias}.profile_id`);
  const inDays = (alias: string) => sql`${sql.raw(alias)}.day >= ${period.from}::date and ${sql.raw(alias)}.day < ${period.to}::date`;

  const [byDay, sessionRows, issueRows, userRows, disabledCount, worstRows] = await Promise.all([
    // Per day the chart needs days: all profiles' totals, or the admin's profiles' rows.
    queryRows<{ day: string; status: SessionStatus; n: number }>(
      db,
      viewer.profileIds === null
        ? sql`select to_char(r.day, 'YYYY-MM-DD') as day, r.status, r.sessions as n
              from daily_status_counts r where r.tenant_id = ${viewer.tenantId} and ${inDays('r')}`
        : sql`select to_char(r.day, 'YYYY-MM-DD') as day, r.status, sum(r.sessions)::int as n
              from daily_session_counts r where ${inScope('r')} and ${inDays('r')} group by 1, 2`,
    ),
    // Statuses, error categories, error sources and each profile's sessions in error: one scan.
    queryRows<RankedRow & { status: SessionStatus; error_category: string; error_source: string }>(
      db,
      rankedBreakdownsQuery(
        periodRows(SESSION_COUNTS),
        [
          { keys: ['status'], value: sql`r.sessions` },
          { keys: ['error_category', 'error_source'], value: inError },
          { keys: ['error_source'], value: inError },
          { keys: [], value: inError, everyProfile: true },
        ],
        viewer.tenantId,
        inWindow('r'),
      ),
    ),
    // Issue types, codes and each profile's issues: one scan.
    queryRows<RankedRow & { type: IssueType; error_code: number }>(
      db,
      rankedBreakdownsQuery(
        periodRows(ISSUE_COUNTS),
        [
          { keys: ['type'], value: sql`r.issues` },
          { keys: ['error_code'], value: sql`r.issues` },
          { keys: [], value: sql`r.issues`, everyProfile: true },
        ],
        viewer.tenantId,
        inWindow('r'),
      ),
    ),
    // The ranking index read backwards: ten entries, whatever the number of users. A user who
    // moved between profiles in the period has a row per profile, named by the sessions' profile.
    queryRows<{ user_id: string; user_name: string; profile_name: string; error_sessions: number; issues: number }>(
      db,
      sql`select top.user_id, u.name as user_name, p.name as profile_name, top.error_sessions, top.issues
          from (select r.tenant_id, r.user_id, r.profile_id, r.error_sessions, r.issues, r.problems
                from ${periodRows(USER_PROBLEMS)} r where ${inWindow('r')} and r.problems > 0
                order by r.problems desc, r.user_id desc limit ${TOP}) top
          join users u on u.tenant_id = top.tenant_id and u.id = top.user_id
          ${profileJoin('top')}
          order by top.problems desc, u.name`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
          where ${inViewerScope(viewer, sql.raw('u.tenant_id'), sql.raw('u.profile_id'))} and ${effectiveSyncStatusIs(statusColumns('u', 'p'), 'error')}`,
    ),
    // The worst of them: the most sessions in error in the period, then the latest error.
    queryRows<{ user_id: string; user_name: string; reason: string | null; since: Date | string | null; error_sessions: number }>(
      db,
      sql`select u.id as user_id, u.name as user_name, u.sync_error_reason as reason, u.sync_error_at as since,
                 coalesce((select sum(r.error_sessions) from ${periodRows(USER_PROBLEMS)} r
                           where r.tenant_id = u.tenant_id and r.days = ${period.days} and r.user_id = u.id), 0)::int as error_sessions
          from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
          where ${inViewerScope(viewer, sql.raw('u.tenant_id'), sql.raw('u.profile_id'))} and ${effectiveSyncStatusIs(statusColumns('u', 'p'), 'error')}
          order by 5 desc, u.sync_error_at desc, u.id limit ${TOP}`,
    ),
  ]);

  const days = new Map(period.dayList.map((day) => [day, emptyCounts()]));
  const totals = { ...emptyCounts(), all: 0 };
  for (const row of byDay) {
    const counts = days.get(row.day);
    if (counts) counts[row.status] += row.n;
    totals[row.status] += row.n;
    totals.all += row.n;
  }
  const [statusRows, categoryRows, sourceRows, profileErrorRows] = [0, 1, 2, 3].map((i) => sessionRows.filter((r) => r.set_index === i));
  const [typeRows, codeRows, profileIssueRows] = [0, 1, 2].map((i) => issueRows.filter((r) => r.set_index === i));
  const issueTypes = breakdownOf(typeRows!, (r) => r.type, (key) => key);
  const source = (text: string) => (text === '' ? null : (text as ErrorSource));
  return {
    sessionsByDay: [...days.entries()].map(([day, counts]) => ({ day, counts })),
    totals,
    statuses: breakdownOf(statusRows!, (r) => r.status, (key) => key),
    errorCategories: breakdownOf(
      categoryRows!,
      (r) => ({ category: r.error_category, source: source(r.error_source) }),
      (key) => `${key.category}\u0000${key.source ?? ''}`,
    ),
    errorSources: breakdownOf(sourceRows!, (r) => source(r.error_source), (key) => key ?? ''),
    profiles: profileRanking(profileErrorRows!, profileIssueRows!),
    users: userRows.map((r) => ({ userId: r.user_id, userName: r.user_name, profileName: r.profile_name, errorSessions: r.error_sessions, issues: r.issues })),
    disabledDueToError: {
      count: disabledCount[0]?.n ?? 0,
      worst: worstRows.map((r) => ({
        userId: r.user_id,
        userName: r.user_name,
        reason: r.reason,
        since: r.since ? new Date(r.since).toISOString() : null,
        errorSessions: r.error_sessions,
      })),
    },
    issueTypes,
    issueCodes: breakdownOf(codeRows!, (r) => r.error_code, (key) => String(key)).slice(0, 20),
    issuesTotal: issueTypes.reduce((sum, type) => sum + type.count, 0),
  };
}

