import 'server-only';
// The sessions CSV on PostgreSQL, byte for byte the one lib/exports/sessions-csv.ts writes, but
// formatted by the server and streamed with COPY … (FORMAT csv): the SELECT (each column's
// expression: sessions-csv-columns.ts) only does what COPY cannot (labels, ISO 8601 UTC times,
// formula neutralization, empty text as no value), COPY quotes in C as RFC 4180 and csvRows do,
// and here each record's LF becomes CRLF.
import { sql, type SQL } from 'drizzle-orm';
import type { Pool } from 'pg';
import { copyCsvOut } from '@/db/copy-out';
import { env } from '@/config/env';
import type { TenantViewer } from '@/lib/auth/viewer';
import { sessionConditions, type SessionFilter } from '@/lib/sessions/session-filters';
import { csvRows, UTF8_BOM } from './csv';
import { SESSIONS_CSV_COLUMNS, SESSIONS_CSV_HEADER } from './sessions-csv-columns';

/** The SELECT the export runs (also what the benchmark gives `psql \copy`). */
export function sessionsCsvSelect(viewer: TenantViewer, filter: SessionFilter): SQL {
  const cells = sql.join(
    SESSIONS_CSV_COLUMNS.map((column) => column.select),
    sql`, `,
  );
  return sql`select ${cells}
    from sync_sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
    where ${sessionConditions(viewer, filter)}
    order by s.started_at, s.id`;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** COPY's CSV records -> CRLF records: an LF outside quotes ends a record; inside quotes (a
 * message's own line break) it stays. A doubled quote closes and reopens, so tracking each quote
 * is enough. indexOf (memchr) finds them: a loop over every byte costs 0.8 s per million rows,
 * this 0.2 s, and chunks without quotes a native replace, 0.15 s. */
export async function* crlfRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let quoted = false;
  for await (const chunk of chunks) {
    if (!quoted && chunk.indexOf(QUOTE) === -1) {
      // No quoted cell in this chunk (the usual case): every LF ends a record. Byte for byte as
      // latin1, so UTF-8 sequences pass untouched (none of their bytes is an LF).
      yield Buffer.from(chunk.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
      continue;
    }
    // At most one extra byte per record.
    const out = Buffer.allocUnsafe(chunk.length * 2);
    let length = 0;
    let start = 0;
    let position = 0;
    let nextQuote = chunk.indexOf(QUOTE, 0);
    while (position < chunk.length) {
      if (quoted) {
        // Inside quotes only the closing quote matters.
        if (nextQuote === -1) break;
        quoted = false;
        position = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, position);
        continue;
      }
      const lineFeed = chunk.indexOf(LF, position);
      if (nextQuote !== -1 && (lineFeed === -1 || nextQuote < lineFeed)) {
        quoted = true;
        position = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, position);
        continue;
      }
      if (lineFeed === -1) break;
      length += chunk.copy(out, length, start, lineFeed);
      out[length++] = CR;
      out[length++] = LF;
      start = position = lineFeed + 1;
    }
    length += chunk.copy(out, length, start);
    if (length > 0) yield out.subarray(0, length);
  }
}

export async function* sessionsCsvByCopy(pool: Pool, viewer: TenantViewer, filter: SessionFilter): AsyncGenerator<string | Uint8Array> {
  yield UTF8_BOM + csvRows([SESSIONS_CSV_HEADER]);
  yield* crlfRecords(copyCsvOut(pool, sessionsCsvSelect(viewer, filter), { stallTimeoutMs: env().DOWNLOAD_STALL_TIMEOUT_MS }));
}
