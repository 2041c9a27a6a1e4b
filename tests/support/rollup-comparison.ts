// The kept rollups of a tenant beside the direct aggregates of its rows, in the same shape, so a
// test can compare them with one `toEqual`: daily rollups, period rollups and all profiles'
// statuses per day. Zero rows are left out on both sides (a kept row may fall back to zero).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { directAggregates } from '@/lib/rollups/rebuild-rollups';
import { WINDOW_DAYS, WINDOWED_ROLLUPS } from '@/lib/rollups/rollup-windows';

const ofTenant = (id: string) => directAggregates((alias) => sql`${sql.raw(alias)}.tenant_id = ${id}::uuid`);

export async function keptDailyRollups(db: Database, id: string) {
  return {
    sessionCounts: await queryRows(db, sql`select tenant_id, to_char(day, 'YYYY-MM-DD') as day, profile_id, status, error_category, error_source, sessions from daily_session_counts where tenant_id = ${id}::uuid and sessions <> 0 order by 1, 2, 3, 4, 5, 6`),
    issueCounts: await queryRows(db, sql`select tenant_id, to_char(day, 'YYYY-MM-DD') as day, profile_id, type, error_code, issues from daily_issue_counts where tenant_id = ${id}::uuid and issues <> 0 order by 1, 2, 3, 4, 5`),
    userProblems: await queryRows(db, sql`select tenant_id, to_char(day, 'YYYY-MM-DD') as day, user_id, profile_id, error_sessions, issues from daily_user_problems where tenant_id = ${id}::uuid and (error_sessions <> 0 or issues <> 0) order by 1, 2, 3, 4`),
  };
}

export async function directDailyRollups(db: Database, id: string) {
  const q = ofTenant(id);
  const ordered = (query: SQL, keys: number) =>
    queryRows(db, sql`select tenant_id, to_char(day, 'YYYY-MM-DD') as day, ${sql.raw(['profile_id, status, error_category, error_source, sessions', 'profile_id, type, error_code, issues', 'user_id, profile_id, error_sessions, issues'][keys]!)} from (${query}) d order by ${sql.raw(['1, 2, 3, 4, 5, 6', '1, 2, 3, 4, 5', '1, 2, 3, 4'][keys]!)}`);
  return { sessionCounts: await ordered(q.sessionCounts, 0), issueCounts: await ordered(q.issueCounts, 1), userProblems: await ordered(q.userProblems, 2) };
}

/** The period rollups as kept. */
export async function keptWindowRollups(db: Database, id: string) {
  const out: Record<string, unknown[]> = {};
  for (const r of WINDOWED_ROLLUPS) {
    const columns = ['days', ...r.keys, ...r.values].join(', ');
    out[r.window] = await queryRows(db, sql`select ${sql.raw(columns)} from ${sql.raw(r.window)} where tenant_id = ${id}::uuid and not (${sql.raw(r.values.map((v) => `${v} = 0`).join(' and '))}) order by ${sql.raw(columns)}`);
  }
  return out;
}

/** The rows' daily aggregates summed over each period ending on `asOf`. */
export async function directWindowRollups(db: Database, id: string, asOf: string) {
  const q = ofTenant(id);
  const daily: Record<string, SQL> = { daily_session_counts: q.sessionCounts, daily_issue_counts: q.issueCounts, daily_user_problems: q.userProblems };
  const out: Record<string, unknown[]> = {};
  for (const r of WINDOWED_ROLLUPS) {
    const keys = ['days', ...r.keys].join(', ');
    const sums = r.values.map((v) => `sum(${v})::int as ${v}`).join(', ');
    out[r.window] = await queryRows(
      db,
      sql`select ${sql.raw(keys)}, ${sql.raw(sums)}
          from (${daily[r.daily]!}) d join (values ${sql.raw(WINDOW_DAYS.map((n) => `(${n})`).join(', '))}) w(days)
            on d.day > ${asOf}::date - w.days and d.day <= ${asOf}::date
          group by ${sql.raw(keys)} order by ${sql.raw(keys)}`,
    );
  }
  return out;
}

export const keptStatusRollups = (db: Database, id: string) =>
  queryRows(db, sql`select to_char(day, 'YYYY-MM-DD') as day, status, sessions from daily_status_counts where tenant_id = ${id}::uuid and sessions <> 0 order by 1, 2`);

export const directStatusRollups = (db: Database, id: string) =>
  queryRows(db, sql`select to_char(day, 'YYYY-MM-DD') as day, status, sessions from (${ofTenant(id).statusCounts}) d order by 1, 2`);
