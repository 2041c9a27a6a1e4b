// Recomputes a tenant's daily rollups from its sessions and issues, set-based: what the scale
// generators run after loading rows directly, and what tests compare the maintained rollups to.
// The period rollups are then summed again from the daily ones, ending today.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { moveWindowsTo, utcToday } from './rollup-windows';

/** The rollups as a direct aggregate of the rows: (tenant filter) -> the three SELECTs. */
export function directAggregates(tenantCondition: (alias: string) => SQL) {
  return {
    sessionCounts: sql`select tenant_id, (started_at at time zone 'UTC')::date as day, profile_id, status,
        coalesce(error_category, '') as error_category, coalesce(error_source::text, '') as error_source, count(*)::int as sessions
      from sync_sessions s where ${tenantCondition('s')}
      group by 1, 2, 3, 4, 5, 6`,
    issueCounts: sql`select tenant_id, (occurred_at at time zone 'UTC')::date as day, profile_id, type, error_code, count(*)::int as issues
      from sync_issues i where ${tenantCondition('i')}
      group by 1, 2, 3, 4, 5`,
    userProblems: sql`select tenant_id, day, user_id, profile_id, sum(error_sessions)::int as error_sessions, sum(issues)::int as issues
      from (select tenant_id, (started_at at time zone 'UTC')::date as day, user_id, profile_id, 1 as error_sessions, 0 as issues
              from sync_sessions s where ${tenantCondition('s')} and status = 'error'
            union all
            select tenant_id, (occurred_at at time zone 'UTC')::date, user_id, profile_id, 0, 1
              from sync_issues i where ${tenantCondition('i')}) problems
      group by 1, 2, 3, 4`,
    statusCounts: sql`select tenant_id, (started_at at time zone 'UTC')::date as day, status, count(*)::int as sessions
      from sync_sessions s where ${tenantCondition('s')}
      group by 1, 2, 3`,
  };
}

export async function rebuildRollups(db: Database, tenantId: string, today = utcToday()): Promise<void> {
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
  await moveWindowsTo(db, tenantId, today, { rebuild: true });
}
