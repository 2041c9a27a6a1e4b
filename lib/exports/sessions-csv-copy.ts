import 'server-only';
// The sessions CSV on PostgreSQL, byte for byte the one lib/exports/sessions-csv.ts writes, but
// formatted by the server and streamed with COPY: each row is one CSV line built in SQL with the
// same rules (ISO 8601 UTC to the second, formula neutralization, RFC 4180 quoting), sent as
// COPY's text format, whose escapes are undone here while LF becomes CRLF.
import { sql, type SQL } from 'drizzle-orm';
import type { Pool } from 'pg';
import { copyOut } from '@/db/copy-out';
import type { TenantViewer } from '@/lib/auth/viewer';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { sessionConditions, type SessionFilter } from '@/lib/sessions/session-filters';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { csvRows, UTF8_BOM } from './csv';
import { SESSIONS_CSV_HEADER } from './sessions-csv-header';

// JavaScript's \s, which csv-stringify's quoted_match (lib/exports/csv.ts) uses.
const JS_SPACE = '^[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]$';

/** One text cell as csvRows writes it: '' for null, a leading ' before = + - @ tab CR, quoted when
 * it holds a comma, a quote, CR or LF, or starts or ends with a space. Cheap string tests, not a
 * regex over the whole text: this runs for every row of a million-row export. */
function textCell(value: SQL): SQL {
  const neutralized = sql`(case when left(${value}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${value} else coalesce(${value}, '') end)`;
  const needsQuotes = sql`(strpos(${neutralized}, ',') > 0 or strpos(${neutralized}, '"') > 0 or strpos(${neutralized}, E'\\r') > 0 or strpos(${neutralized}, E'\\n') > 0
    or left(${neutralized}, 1) ~ ${JS_SPACE} or right(${neutralized}, 1) ~ ${JS_SPACE})`;
  return sql`(case when ${needsQuotes} then '"' || replace(${neutralized}, '"', '""') || '"' else ${neutralized} end)`;
}

const numberCell = (value: SQL) => sql`coalesce(${value}::text, '')`;
const timeCell = (value: SQL) => sql`coalesce(to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '')`;
const labelCase = (value: SQL, labels: Record<string, string>) =>
  sql`(case ${value} ${sql.join(Object.entries(labels).map(([key, label]) => sql`when ${key} then ${label}`), sql` `)} end)`;

function lineQuery(viewer: TenantViewer, filter: SessionFilter): SQL {
  // Ids, times, numbers and the status and source labels never need quoting or neutralizing.
  const cells = [
    sql`s.id::text`,
    sql`u.id::text`,
    textCell(sql`u.email`),
    timeCell(sql`s.started_at`),
    timeCell(sql`s.ended_at`),
    labelCase(sql`s.status::text`, SESSION_STATUS_LABELS),
    numberCell(sql`s.scope`),
    numberCell(sql`s.changes`),
    numberCell(sql`s.issues`),
    textCell(sql`s.error_category`),
    sql`coalesce(${labelCase(sql`s.error_source::text`, ERROR_SOURCE_LABELS)}, '')`,
    textCell(sql`s.message`),
  ];
  return sql`select concat_ws(',', ${sql.join(cells, sql`, `)})
    from sync_sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
    where ${sessionConditions(viewer, filter)}
    order by s.started_at, s.id`;
}

const BACKSLASH = 0x5c;
const LF = 0x0a;
const UNESCAPED: Record<number, number> = { 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x76: 0x0b, 0x5c: 0x5c };

/** COPY text format -> the CSV bytes: \n \r \t \b \f \v \\ unescaped, each row's LF made CRLF. */
export async function* copyTextToCsv(chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let pendingBackslash = false;
  for await (const chunk of chunks) {
    // At most one extra byte per row (CR), never more than the chunk doubled.
    const out = Buffer.allocUnsafe(chunk.length * 2);
    let length = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (pendingBackslash) {
        out[length++] = UNESCAPED[byte] ?? byte;
        pendingBackslash = false;
      } else if (byte === BACKSLASH) pendingBackslash = true;
      else if (byte === LF) {
        out[length++] = 0x0d;
        out[length++] = LF;
      } else out[length++] = byte;
    }
    if (length > 0) yield out.subarray(0, length);
  }
}

export async function* sessionsCsvByCopy(pool: Pool, viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string | Uint8Array> {
  yield UTF8_BOM + csvRows([SESSIONS_CSV_HEADER]);
  yield* copyTextToCsv(copyOut(pool, lineQuery(viewer, filter)));
}
