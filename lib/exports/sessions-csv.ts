import 'server-only';
// The sessions CSV (its columns: sessions-csv-columns.ts), streamed so that memory stays flat
// however many sessions there are.
import type { TenantViewer } from '@/lib/auth/viewer';
import { readSessionsInBatches } from '@/lib/sessions/list-sessions';
import type { SessionFilter } from '@/lib/sessions/session-filters';
import { getDatabase } from '@/db/client';
import { readStreamPool } from '@/db/read-replica';
import { csvRows, UTF8_BOM } from './csv';
import { SESSIONS_CSV_HEADER, sessionCsvRow } from './sessions-csv-columns';
import { sessionsCsvByCopy } from './sessions-csv-copy';

/** On PostgreSQL the server formats the rows (COPY, lib/exports/sessions-csv-copy.ts): the same bytes, faster. */
export async function* sessionsCsv(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string | Uint8Array> {
  const handle = getDatabase();
  // On the replica when it may serve reads (db/read-replica.ts).
  yield* handle.driver === 'postgres' ? sessionsCsvByCopy(await readStreamPool(handle), viewer, filter) : sessionsCsvInBatches(viewer, filter);
}

/** The embedded database: keyset batches formatted here. */
export async function* sessionsCsvInBatches(viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([SESSIONS_CSV_HEADER]);
  for await (const batch of readSessionsInBatches(viewer, filter)) yield csvRows(batch.map(sessionCsvRow));
}
