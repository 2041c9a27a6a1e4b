import 'server-only';
// (b') An Enabled user has had no Success or Skipped session for H hours. Only users that have
// been Enabled, with their profile switched on, for at least H hours count: a user just added or
// just switched on has had no chance yet. A user "Disabled due to an error" is rule (a)'s.
import { sql, type SQL } from 'drizzle-orm';
import { effectiveSyncStatusIs, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';
import type { AlertRuleParams } from '../alert-rule';
import { HEALTHY_STATUSES } from '@/lib/sessions/healthy-statuses';
import { userFacts, userSubject } from './subject-facts';

export function usersWithoutHealthySession(reach: SQL, { hours }: AlertRuleParams<'user_no_healthy_session'>, now: Date): SQL {
  const since = sql`(${now}::timestamptz - interval '1 hour' * ${hours})`;
  // What the user's sessions do instead: the newest one, one row back by index. (The last
  // healthy one would be a walk through every session of a user who never had one.)
  const latest = sql`(select jsonb_build_object('startedAt', l.started_at, 'status', l.status) from sync_sessions l
      where l.tenant_id = u.tenant_id and l.user_id = u.id and l.started_at <= ${now}
      order by l.started_at desc, l.id desc limit 1)`;
  return sql`select ${userSubject} as subject, ${userFacts(sql`jsonb_build_object('hours', ${hours}::int, 'latestSession', ${latest})`)} as facts
    ${USERS_WITH_PROFILE}
    where ${reach} and ${effectiveSyncStatusIs(statusColumns('u', 'p'), 'enabled')}
      and coalesce(u.sync_enabled_changed_at, u.created_at) <= ${since}
      and coalesce(p.sync_enabled_changed_at, p.created_at) <= ${since}
      and not exists (select 1 from sync_sessions h
                      where h.tenant_id = u.tenant_id and h.user_id = u.id and h.started_at > ${since} and h.started_at <= ${now}
                        and h.status in ${HEALTHY_STATUSES})`;
}
