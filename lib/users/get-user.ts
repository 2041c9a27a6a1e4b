import 'server-only';
// One user of the viewer's scope with both statuses; another tenant's or an out-of-scope id
// is "not found", never revealed.
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { z } from 'zod';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { notFoundError } from '@/lib/http/errors';
import { inViewerScope } from '@/lib/scope/profile-scope';
import { toUserStatus, userStatusColumns, USERS_WITH_PROFILE, type UserStatus, type UserStatusRow } from './user-status-columns';

export interface UserDetails extends UserStatus {
  userSyncEnabled: boolean;
  syncErrorAt: string | null;
  /** When the sync engine removed the user; null while they are in the directory. */
  removedAt: string | null;
}

/** Cached for the request: the user's layout and page ask for the same row. */
export const getUser = cache(async (viewer: TenantViewer, userId: string): Promise<UserDetails> => {
  if (!z.uuid().safeParse(userId).success) throw notFoundError('No such user.');
  const [row] = await queryRows<UserStatusRow & { user_sync_enabled: boolean; sync_error_at: Date | string | null; removed_at: Date | string | null }>(
    getDatabase().db,
    sql`select ${userStatusColumns}, u.sync_enabled as user_sync_enabled, u.sync_error_at, u.removed_at
        ${USERS_WITH_PROFILE}
        where ${inViewerScope(viewer, sql.raw('u.tenant_id'), sql.raw('u.profile_id'))} and u.id = ${userId}::uuid`,
  );
  if (!row) throw notFoundError('No such user.');
  return {
    ...toUserStatus(row),
    userSyncEnabled: row.user_sync_enabled,
    // Like the reason, the error's time belongs to the error status only.
    syncErrorAt: row.effective_status === 'error' && row.sync_error_at ? new Date(row.sync_error_at).toISOString() : null,
    removedAt: row.removed_at ? new Date(row.removed_at).toISOString() : null,
  };
});
