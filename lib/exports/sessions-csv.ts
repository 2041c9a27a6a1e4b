import 'server-only';
// The sessions CSV: header and rows exactly as DESIGN.md §4 names them, produced batch by
// batch so that memory stays flat however many sessions there are.
import type { TenantViewer } from '@/lib/auth/viewer';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { readSessionsInBatches, type SessionRow } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { csvRows, csvTime, UTF8_BOM } from './csv';

export const SESSIONS_CSV_HEADER = [
  'Session ID',
  'User ID',
  'User email',
  'Synchronization start date',
  'Synchronization end date',
  'Status',
  'Synchronization scope',
  'Changes',
  'Issues',
  'Error category',
  'Error source',
  'Message',
];

export function sessionCsvRow(s: SessionRow) {
  return [
    s.id,
    s.userId,
    s.userEmail,
    csvTime(s.startedAt),
    csvTime(s.endedAt),
    SESSION_STATUS_LABELS[s.status],
    s.scope,
    s.changes,
    s.issues,
    s.errorCategory,
    s.errorSource ? ERROR_SOURCE_LABELS[s.errorSource] : null,
    s.message,
  ];
}

export async function* sessionsCsv(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([SESSIONS_CSV_HEADER]);
  for await (const batch of readSessionsInBatches(viewer, filter)) yield csvRows(batch.map(sessionCsvRow));
}
