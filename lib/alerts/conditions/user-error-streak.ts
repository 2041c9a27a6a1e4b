import 'server-only';
// (b) A user has N Error sessions since their last Success or Skipped one — counted as the user
// page counts them (lib/users/sync-story.ts: other statuses between do not break the streak;
// sessions ordered by start, then id). Only users with an
// Error session in the last 91 days can be on such a streak (the daily rollup of users'
// problems names them, a handful of rows), so the sessions are read for those alone: the last
// healthy session backwards by index, then the Error sessions after it.
import { sql, type SQL } from 'drizzle-orm';
import { inDirectory, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';
import type { AlertRuleParams } from '../alert-rule';
import { HEALTHY_STATUSES } from '@/lib/sessions/healthy-statuses';
import { userFacts, userSubject } from './subject-facts';

const LOOK_BACK_DAYS = 91;

export function usersOnErrorStreak(reach: SQL, { sessions }: AlertRuleParams<'user_error_streak'>, now: Date): SQL {
  return sql`select ${userSubject} as subject,
      ${userFacts(sql`jsonb_build_object('errorSessions', streak.errors, 'lastHealthyAt', healthy.started_at)`)} as facts
    ${USERS_WITH_PROFILE}
    left join lateral (
      select h.started_at, h.id from sync_sessions h
      where h.tenant_id = u.tenant_id and h.user_id = u.id and h.status in ${HEALTHY_STATUSES} and h.started_at <= ${now}
      order by h.started_at desc, h.id desc limit 1
    ) healthy on true
    cross join lateral (
      select count(*)::int as errors from sync_sessions e
      where e.tenant_id = u.tenant_id and e.user_id = u.id and e.status = 'error' and e.started_at <= ${now}
        and (healthy.id is null or (e.started_at, e.id) > (healthy.started_at, healthy.id))
    ) streak
    where ${reach} and ${inDirectory(statusColumns('u', 'p'))}
      and u.id in (select d.user_id from daily_user_problems d
                   where d.tenant_id = u.tenant_id and d.day >= (${now}::timestamptz - interval '${sql.raw(String(LOOK_BACK_DAYS))} days')::date and d.error_sessions > 0)
      and streak.errors >= ${sessions}`;
}
