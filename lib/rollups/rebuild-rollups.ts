// Recomputes a tenant's daily rollups from its sessions and issues, set-based: what the scale
// generators run after loading rows directly, and what tests compare the maintained rollups to.
// The period rollups are then summed again from the daily ones, ending today. Days are the
// tenant's (local-day.ts): a time zone change recounts them here.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { localDay } from './local-day';
import { moveWindowsIn, tenantToday, UNBOUNDED } from './rollup-windows';

const sessionTime = sql.raw('s.started_at');
const issueTime = sql.raw('i.occurred_at');
const sessionDay = localDay(sessionTime, sql.raw('t.time_zone'));
const issueDay = localDay(issueTime, sql.raw('t.time_zone'));
const sessionsOf = sql.raw('sync_sessions s join tenants t on t.id = s.tenant_id');
const issuesOf = sql.raw('sync_issues i join tenants t on t.id = i.tenant_id');

/** Rows on the tenant's day `day`: it lies within a UTC day either side of the UTC date, which
 *  bounds the time column too, so only those days' partitions are read. */
const onDay = (time: SQL, day: string, tenantDay: SQL) =>
  sql`${time} >= (${day}::date - 1)::timestamp at time zone 'UTC' and ${time} < (${day}::date + 2)::timestamp at time zone 'UTC'
      and ${tenantDay} = ${day}::date`;

/** The rollups as a direct aggregate of the rows: (tenant filter, one day of the tenant's or all) -> the SELECTs. */
export function directAggregates(tenantFilter: (alias: string) => SQL, day?: string) {
  const tenantCondition = (alias: 's' | 'i') =>
    day === undefined ? tenantFilter(alias) : sql`${tenantFilter(alias)} and ${alias === 's' ? onDay(sessionTime, day, sessionDay) : onDay(issueTime, day, issueDay)}`;
  return {
    sessionCounts: sql`select s.tenant_id, ${sessionDay} as day, s.profile_id, s.status,
        coalesce(s.error_category, '') as error_category, coalesce(s.error_source::text, '') as error_source, count(*)::int as sessions
      from ${sessionsOf} where ${tenantCondition('s')}
      group by 1, 2, 3, 4, 5, 6`,
    issueCounts: sql`select i.tenant_id, ${issueDay} as day, i.profile_id, i.type, i.error_code, count(*)::int as issues
      from ${issuesOf} where ${tenantCondition('i')}
      group by 1, 2, 3, 4, 5`,
    userProblems: sql`select tenant_id, day, user_id, profile_id, sum(error_sessions)::int as error_sessions, sum(issues)::int as issues
      from (select s.tenant_id, ${sessionDay} as day, s.user_id, s.profile_id, 1 as error_sessions, 0 as issues
              from ${sessionsOf} where ${tenantCondition('s')} and s.status = 'error'
            union all
            select i.tenant_id, ${issueDay}, i.user_id, i.profile_id, 0, 1
              from ${issuesOf} where ${tenantCondition('i')}) problems
      group by 1, 2, 3, 4`,
    statusCounts: sql`select s.tenant_id, ${sessionDay} as day, s.status, count(*)::int as sessions
      from ${sessionsOf} where ${tenantCondition('s')}
      group by 1, 2, 3`,
  };
}

/** All of a tenant's rollups recounted in one transaction: readers see the old ones until it commits. */
export function rebuildRollups(db: Database, tenantId: string, today?: string): Promise<void> {
  return runTransaction(db, UNBOUNDED, (tx) => rebuildRollupsIn(tx, tenantId, today));
}

/** The recount inside the caller's transaction (a time zone change recounts inside its own). */
export async function rebuildRollupsIn(db: Pick<Database, 'execute'>, tenantId: string, today?: string): Promise<void> {
  await recountDailyRollups(db, tenantId);
  await moveWindowsIn(db, tenantId, today ?? (await tenantToday(db, tenantId)), true);
}

const DAILY_TABLES = ['daily_session_counts', 'daily_issue_counts', 'daily_user_problems', 'daily_status_counts'];

/** Replaces a tenant's daily rollups, of every day or of one (the tenant's), with the rows' direct
 *  aggregates. The period rollups are left as they are. */
export async function recountDailyRollups(db: Pick<Database, 'execute'>, tenantId: string, day?: string): Promise<void> {
  const direct = directAggregates((alias) => sql`${sql.raw(alias)}.tenant_id = ${tenantId}::uuid`, day);
  const ofDay = day === undefined ? sql`` : sql` and day = ${day}::date`;
  for (const table of DAILY_TABLES) await db.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}::uuid${ofDay}`);
  await db.execute(sql`insert into daily_session_counts (tenant_id, day, profile_id, status, error_category, error_source, sessions) ${direct.sessionCounts}`);
  await db.execute(sql`insert into daily_issue_counts (tenant_id, day, profile_id, type, error_code, issues) ${direct.issueCounts}`);
  await db.execute(sql`insert into daily_user_problems (tenant_id, day, user_id, profile_id, error_sessions, issues) ${direct.userProblems}`);
  await db.execute(sql`insert into daily_status_counts (tenant_id, day, status, sessions) ${direct.statusCounts}`);
}

/** Deletes a tenant's daily rollups of the days before `day`. */
export async function deleteDailyRollupsBefore(db: Pick<Database, 'execute'>, tenantId: string, day: string): Promise<void> {
  for (const table of DAILY_TABLES) await db.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}::uuid and day < ${day}::date`);
}
