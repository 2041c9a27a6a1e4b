import 'server-only';
// What every read of a user selects about their sync — the user and their profile, the
// profile's switch, the effective status and the engine's reason — and how it becomes the DTO
// the pages show: one place for the users list and the user page.
import { sql } from 'drizzle-orm';
import { effectiveSyncStatusSql, statusColumns } from '@/lib/sync-status/effective-sync-status';
import type { EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status-labels';

export const USERS_WITH_PROFILE = sql`from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id`;

export const userStatusColumns = sql`u.id, u.name, u.email, p.id as profile_id, p.name as profile_name, p.sync_enabled as profile_sync_enabled,
  ${effectiveSyncStatusSql(statusColumns('u', 'p'))} as effective_status, u.sync_error_reason`;

export interface UserStatusRow {
  id: string;
  name: string;
  email: string;
  profile_id: string;
  profile_name: string;
  profile_sync_enabled: boolean;
  effective_status: EffectiveSyncStatus;
  sync_error_reason: string | null;
}

export interface UserStatus {
  id: string;
  name: string;
  email: string;
  profileId: string;
  profileName: string;
  profileSyncEnabled: boolean;
  effectiveStatus: EffectiveSyncStatus;
  syncErrorReason: string | null;
}

export function toUserStatus(row: UserStatusRow): UserStatus {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    profileId: row.profile_id,
    profileName: row.profile_name,
    profileSyncEnabled: row.profile_sync_enabled,
    effectiveStatus: row.effective_status,
    // The reason belongs to the error status only: after a re-enable it is hidden.
    syncErrorReason: row.effective_status === 'error' ? row.sync_error_reason : null,
  };
}
