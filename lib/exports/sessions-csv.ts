import 'server-only';
// The sessions CSV: header and rows exactly as DESIGN.md §4 names them, streamed so that memory
// stays flat however many sessions there are.
import type { TenantViewer } from '@/lib/auth/viewer';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { readSessionsInBatches, type SessionRow } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { getDatabase } from '@/db/client';
import { csvRows, csvTime, UTF8_BOM } from './csv';
import { SESSIONS_CSV_HEADER } from './sessions-csv-header';
import { sessionsCsvByCopy } from './sessions-csv-copy';

export { SESSIONS_CSV_HEADER };

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

/** On PostgreSQL the server formats the rows (COPY, lib/exports/sessions-csv-copy.ts): the same bytes, faster. */
export function sessionsCsv(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string | Uint8Array> {
  const handle = getDatabase();
  return handle.driver === 'postgres' ? sessionsCsvByCopy(handle.streamPool, viewer, filter) : sessionsCsvInBatches(viewer, filter);
}

/** The embedded database: keyset batches formatted here. */
export async function* sessionsCsvInBatches(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([SESSIONS_CSV_HEADER]);
  for await (const batch of readSessionsInBatches(viewer, filter)) yield csvRows(batch.map(sessionCsvRow));
}
