import 'server-only';
// The sessions CSV column by column (header, cell and SQL as docs/using-the-panel.md lists them): each
// column's header, its cell from a row (the embedded database's path, sessions-csv.ts) and its
// SQL expression (PostgreSQL's COPY path, sessions-csv-copy.ts) side by side, so that the two
// paths change together; a test holds their bytes equal on awkward values, a golden hash the file.
import { sql, type SQL } from 'drizzle-orm';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import type { SessionRow } from '@/lib/sessions/list-sessions';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { csvTime, type CsvValue } from './csv';

/** A text cell as csvRows writes it: a leading ' before = + - @ tab CR; '' as null, because COPY
 * quotes an empty string ("") to tell it from null and csvRows writes both as nothing. */
const textCell = (value: SQL) => sql`(case when left(${value}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${value} else nullif(${value}, '') end)`;
// timestamp::text under DateStyle ISO (set by db/copy-out.ts) is 'YYYY-MM-DD HH:MI:SS': cheaper than to_char.
const timeCell = (value: SQL) => sql`replace(date_trunc('second', ${value} at time zone 'UTC')::text, ' ', 'T') || 'Z'`;
const labelCase = (value: SQL, labels: Record<string, string>) =>
  sql`(case ${value} ${sql.join(Object.entries(labels).map(([key, label]) => sql`when ${key} then ${label}`), sql` `)} end)`;

interface SessionsCsvColumn {
  header: string;
  /** The cell from a session row, as csvRows writes it. */
  cell: (session: SessionRow) => CsvValue;
  /** The same cell from `sync_sessions s join users u`, as COPY … (FORMAT csv) writes it. */
  select: SQL;
}

export const SESSIONS_CSV_COLUMNS: readonly SessionsCsvColumn[] = [
  { header: 'Session ID', cell: (s) => s.id, select: sql`s.id` },
  { header: 'User ID', cell: (s) => s.userId, select: sql`u.id` },
  { header: 'User email', cell: (s) => s.userEmail, select: textCell(sql`u.email`) },
  { header: 'Synchronization start date', cell: (s) => csvTime(s.startedAt), select: timeCell(sql`s.started_at`) },
  { header: 'Synchronization end date', cell: (s) => csvTime(s.endedAt), select: timeCell(sql`s.ended_at`) },
  { header: 'Status', cell: (s) => SESSION_STATUS_LABELS[s.status], select: labelCase(sql`s.status::text`, SESSION_STATUS_LABELS) },
  { header: 'Synchronization scope', cell: (s) => s.scope, select: sql`s.scope` },
  { header: 'Changes', cell: (s) => s.changes, select: sql`s.changes` },
  { header: 'Issues', cell: (s) => s.issues, select: sql`s.issues` },
  { header: 'Error category', cell: (s) => s.errorCategory, select: textCell(sql`s.error_category`) },
  {
    header: 'Error source',
    cell: (s) => (s.errorSource ? ERROR_SOURCE_LABELS[s.errorSource] : null),
    select: labelCase(sql`s.error_source::text`, ERROR_SOURCE_LABELS),
  },
  { header: 'Message', cell: (s) => s.message, select: textCell(sql`s.message`) },
];

export const SESSIONS_CSV_HEADER = SESSIONS_CSV_COLUMNS.map((column) => column.header);

export const sessionCsvRow = (session: SessionRow): CsvValue[] => SESSIONS_CSV_COLUMNS.map((column) => column.cell(session));
