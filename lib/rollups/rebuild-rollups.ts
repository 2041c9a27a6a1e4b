// Recomputes a tenant's daily rollups from its sessions and issues, set-based: what the scale
// generators run after loading rows directly, and what tests compare the maintained rollups to.
// The period rollups are then summed again from the daily ones, ending today. Days are the
// tenant's (local-day.ts): a time zone change recounts them here.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { localDay } from './local-day';
import { moveWindowsIn, tenantToday, UNBOUNDED } from './rollup-windows';

const sessionDay = localDay(sql.raw('s.started_at'), sql.raw('t.time_zone'));
const issueDay = localDay(sql.raw('i.occurred_at'), sql.raw('t.time_zone'));
const sessionsOf = sql.raw('sync_sessions s join tenants t on t.id = s.tenant_id');
const issuesOf = sql.raw('sync_issues i join tenants t on t.id = i.tenant_id');

/** The rollups as a direct aggregate of the rows: (tenant filter) -> the three SELECTs. */
export function directAggregates(tenantCondition: (alias: string) => SQL) {
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
  const forTenant = (alias: string) => sql`${sql.raw(alias)}.tenant_id = ${tenantId}::uuid`;
  const direct = directAggregates(forTenant);
  await db.execute(sql`delete from daily_session_counts where tenant_id = ${tenantId}::uuid`);
  await db.execute(sql`delete from daily_issue_counts where tenant_id = ${tenantId}::uuid`);
  await db.execute(sql`delete from daily_user_problems where tenant_id = ${tenantId}::uuid`);
  await db.execute(sql`delete from daily_status_counts where tenant_id = ${tenantId}::uuid`);
  await db.execute(sql`insert into daily_session_counts (tenant_id, day, profile_id, status, error_category, error_source, sessions) ${direct.sessionCounts}`);
  await db.execute(sql`insert into daily_issue_counts (tenant_id, day, profile_id, type, error_code, issues) ${direct.issueCounts}`);
  await db.execute(sql`insert into daily_user_problems (tenant_id, day, user_id, profile_id, error_sessions, issues) ${direct.userProblems}`);
  await db.execute(sql`insert into daily_status_counts (tenant_id, day, status, sessions) ${direct.statusCounts}`);
  await moveWindowsIn(db, tenantId, today ?? (await tenantToday(db, tenantId)), true);
}
