import 'server-only';
// (d) More than N sync issues (of a type, with an error code, or any) in a profile within the
// last H hours: a burst of objects the sync could not write.
import { sql, type SQL } from 'drizzle-orm';
import type { AlertRuleParams } from '../alert-rule';
import { profileFacts, profileSubject } from './subject-facts';

export function profilesWithIssueBurst(reach: SQL, { hours, count, issueType, errorCode }: AlertRuleParams<'issue_burst'>, now: Date): SQL {
  const since = sql`(${now}::timestamptz - interval '1 hour' * ${hours})`;
  const ofType = issueType ? sql`and i.type = ${issueType}` : sql``;
  const withCode = errorCode !== undefined ? sql`and i.error_code = ${errorCode}` : sql``;
  return sql`select ${profileSubject} as subject,
      ${profileFacts(sql`jsonb_build_object('hours', ${hours}::int, 'issues', c.issues, 'issueType', ${issueType ?? null}::text, 'errorCode', ${errorCode ?? null}::int)`)} as facts
    from profiles p
    cross join lateral (
      select count(*)::int as issues from sync_issues i
      where i.tenant_id = p.tenant_id and i.profile_id = p.id and i.occurred_at > ${since} and i.occurred_at <= ${now} ${ofType} ${withCode}
    ) c
    where ${reach} and p.removed_at is null and c.issues > ${count}`;
}
