import 'server-only';
// The users CSV: the list as filtered and ordered, with the columns the table shows (and the
// ids), streamed batch by batch under the CSV rules of every download (lib/exports/csv.ts).
import type { TenantViewer } from '@/lib/auth/viewer';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { EFFECTIVE_SYNC_STATUS_LABELS } from '@/lib/sync-status/effective-sync-status-labels';
import { readUsersInBatches, recentIssuesSince, RECENT_ISSUES_DAYS, type UserListQuery, type UserRow } from '@/lib/users/list-users';
import { csvRows, csvTime, UTF8_BOM } from './csv';

export const USERS_CSV_HEADER = [
  'User ID',
  'Name',
  'Email',
  'Profile ID',
  'Profile',
  'Synchronization status',
  'Effective synchronization status',
  'Error reason',
  `Issues (${RECENT_ISSUES_DAYS} days)`,
  'Last session start',
  'Last session status',
];

export function userCsvRow(u: UserRow) {
  return [
    u.id,
    u.name,
    u.email,
    u.profileId,
    u.profileName,
    u.profileSyncEnabled ? 'Enabled' : 'Disabled',
    EFFECTIVE_SYNC_STATUS_LABELS[u.effectiveStatus],
    u.syncErrorReason,
    u.recentIssues,
    csvTime(u.lastSessionStartedAt),
    u.lastSessionStatus ? SESSION_STATUS_LABELS[u.lastSessionStatus] : null,
  ];
}

export async function* usersCsv(viewer: TenantViewer, query: Omit<UserListQuery, 'page' | 'pageSize' | 'issuesSince'>): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([USERS_CSV_HEADER]);
  // One moment for every batch: the issue counts of the first and the last row cover the same days.
  const issuesSince = recentIssuesSince();
  for await (const batch of readUsersInBatches(viewer, { ...query, issuesSince })) yield csvRows(batch.map(userCsvRow));
}
