import 'server-only';
// (a) A user becomes "Disabled due to an error": the subjects are the users in the rule's reach
// whose Effective synchronization status is that now (the one definition of it, so the alert
// and the users list agree; removed users are never in it).
import { sql, type SQL } from 'drizzle-orm';
import { effectiveSyncStatusIs, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';
import { userFacts, userSubject } from './subject-facts';

/** `reach` is a condition on `u`/`p` (the rule's scope). Columns: subject, facts. */
export function usersInError(reach: SQL): SQL {
  return sql`select ${userSubject} as subject, ${userFacts(sql`jsonb_build_object('reason', u.sync_error_reason, 'errorAt', u.sync_error_at)`)} as facts
    ${USERS_WITH_PROFILE}
    where ${reach} and ${effectiveSyncStatusIs(statusColumns('u', 'p'), 'error')}`;
}
