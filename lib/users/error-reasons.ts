import 'server-only';
// The reasons the engine gave for the users of a list who are "Disabled due to an error" now,
// most users first: what the users list's "Reason of the error" filter offers. Served by the
// partial index of users with an error (few, however large the tenant).
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { userFilterSql } from './user-filter-sql';
import { USERS_WITH_PROFILE } from './user-status-columns';

export interface ErrorReason {
  reason: string;
  users: number;
}

/** The filter menu lists this many; a reason beyond them is still reachable by its URL. */
const REASONS_SHOWN = 50;

export function listErrorReasons(viewer: TenantViewer, profileId?: string): Promise<ErrorReason[]> {
  return queryRows<ErrorReason>(
    getDatabase().db,
    sql`select u.sync_error_reason as reason, count(*)::int as users ${USERS_WITH_PROFILE}
        where ${userFilterSql(viewer, { profileId, status: 'error', q: null })} and u.sync_error_reason is not null
        group by u.sync_error_reason order by users desc, reason limit ${REASONS_SHOWN}`,
  );
}
