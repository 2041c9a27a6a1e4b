import 'server-only';
// (c) A profile's share of Error sessions over the last H hours exceeds X %, once it has at
// least M finished sessions in them (a profile with three sessions, one failed, is not an
// outage). Counted from the (profile, status, started) index, one range per status.
import { sql, type SQL } from 'drizzle-orm';
import type { AlertRuleParams } from '../alert-rule';
import { profileFacts, profileSubject } from './subject-facts';

export function profilesWithErrorShare(reach: SQL, { hours, percent, minSessions }: AlertRuleParams<'profile_error_share'>, now: Date): SQL {
  const since = sql`(${now}::timestamptz - interval '1 hour' * ${hours})`;
  return sql`select ${profileSubject} as subject,
      ${profileFacts(sql`jsonb_build_object('hours', ${hours}::int, 'sessions', c.finished, 'errorSessions', c.errors, 'errorPercent', round(100.0 * c.errors / c.finished, 1))`)} as facts
    from profiles p
    cross join lateral (
      select count(*)::int as finished, count(*) filter (where s.status = 'error')::int as errors from sync_sessions s
      where s.tenant_id = p.tenant_id and s.profile_id = p.id and s.status in ('success', 'skipped', 'canceled', 'error')
        and s.started_at > ${since} and s.started_at <= ${now}
    ) c
    where ${reach} and p.removed_at is null and c.finished >= ${minSessions} and c.errors * 100 > ${percent} * c.finished`;
}
