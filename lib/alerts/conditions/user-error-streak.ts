import 'server-only';
// (b) A user has N Error sessions since their last Success or Skipped one — counted as the user
// page counts them (lib/users/sync-story.ts: other statuses between do not break the streak).
// Asked as "are the user's newest N Error, Success or Skipped sessions all Error?", which reads
// at most N such sessions backwards from the newest by the (user, started) index, however long
// the streak or the user's history: a user who has failed for months costs N rows, not all of
// them. So the figure is "at least N" (the notice says so), with the newest Error's start.
// Only users with an Error session within the rollups' 91 days are asked (the daily rollup of
// users' problems names them), through one hashed list of the tenant's, not a lookup per user.
import { sql, type SQL } from 'drizzle-orm';
import { inDirectory, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';
import type { AlertRuleParams } from '../alert-rule';
import { HEALTHY_STATUSES } from '@/lib/sessions/healthy-statuses';
import { userFacts, userSubject } from './subject-facts';

const LOOK_BACK_DAYS = 91;

export function usersOnErrorStreak(tenantId: string, reach: SQL, { sessions }: AlertRuleParams<'user_error_streak'>, now: Date): SQL {
  return sql`select ${userSubject} as subject,
      ${userFacts(sql`jsonb_build_object('errorSessions', streak.errors, 'latestErrorAt', streak.latest_error_at)`)} as facts
    ${USERS_WITH_PROFILE}
    cross join lateral (
      select count(*) filter (where newest.status = 'error')::int as errors, max(newest.started_at) as latest_error_at
      from (select s.status, s.started_at from sync_sessions s
            where s.tenant_id = u.tenant_id and s.user_id = u.id and s.started_at <= ${now}
              and (s.status = 'error' or s.status in ${HEALTHY_STATUSES})
            order by s.started_at desc, s.id desc
            limit ${sessions}) newest
    ) streak
    where ${reach} and ${inDirectory(statusColumns('u', 'p'))}
      and u.id in (select d.user_id from daily_user_problems d
                   where d.tenant_id = ${tenantId}::uuid and d.day >= (${now}::timestamptz - interval '${sql.raw(String(LOOK_BACK_DAYS))} days')::date
                     and d.error_sessions > 0)
      and streak.errors = ${sessions}`;
}
