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
import { effectiveSyncStatusSql, statusColumns, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status';

export interface UserDetails {
  id: string;
  name: string;
  email: string;
  profileId: string;
  profileName: string;
  profileSyncEnabled: boolean;
  userSyncEnabled: boolean;
  effectiveStatus: EffectiveSyncStatus;
  syncErrorReason: string | null;
  syncErrorAt: string | null;
}

/** Cached for the request: the user's layout and page ask for the same row. */
export const getUser = cache(async (viewer: TenantViewer, userId: string): Promise<UserDetails> => {
  if (!z.uuid().safeParse(userId).success) throw notFoundError('No such user.');
  const [row] = await queryRows<{
    id: string;
    name: string;
    email: string;
    profile_id: string;
    profile_name: string;
    profile_sync_enabled: boolean;
    user_sync_enabled: boolean;
    effective_status: EffectiveSyncStatus;
    sync_error_reason: string | null;
    sync_error_at: Date | string | null;
  }>(
    getDatabase().db,
    sql`select u.id, u.name, u.email, p.id as profile_id, p.name as profile_name, p.sync_enabled as profile_sync_enabled,
          u.sync_enabled as user_sync_enabled, ${effectiveSyncStatusSql(statusColumns('u', 'p'))} as effective_status,
          u.sync_error_reason, u.sync_error_at
        from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
        where ${inViewerScope(viewer, sql.raw('u.tenant_id'), sql.raw('u.profile_id'))} and u.id = ${userId}::uuid`,
  );
  if (!row) throw notFoundError('No such user.');
  const inError = row.effective_status === 'error';
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    profileId: row.profile_id,
    profileName: row.profile_name,
    profileSyncEnabled: row.profile_sync_enabled,
    userSyncEnabled: row.user_sync_enabled,
    effectiveStatus: row.effective_status,
    syncErrorReason: inError ? row.sync_error_reason : null,
    syncErrorAt: inError && row.sync_error_at ? new Date(row.sync_error_at).toISOString() : null,
  };
});
