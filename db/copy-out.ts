import 'server-only';
// COPY (query) TO STDOUT WITH (FORMAT csv) on PostgreSQL as an async generator of raw chunks:
// the server formats the rows, Node never parses them. COPY takes no bind parameters, so the query's parameters
// are inlined as escaped literals. A consumer that stops early (a client abort) destroys the
// connection, which ends the COPY on the server at once and never returns a busy client.
import { escapeLiteral, type Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeLiteral(String(value));
}

/** The query as one SQL text with its parameters inlined ($n -> escaped literal). */
export function inlineQuery(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // Parameters are numbered $1..$n by drizzle; longest first is implied by the exact match.
  return text.replace(/\$(\d+)\b/g, (whole, index: string) => (Number(index) >= 1 && Number(index) <= params.length ? literal(params[Number(index) - 1]) : whole));
}

/** Settles as the promise does, or rejects once `ms` pass without it settling (the promise's own
 * later failure is then ignored). The error reads as a lost connection: 503, try again. */
function boundedWait<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Connection terminated: the database sent nothing for ${ms} ms`)), ms);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/**
 * COPY's CSV of the query's rows. Times as text follow DateStyle: ISO whatever the server's
 * default, set for this transaction only (SET LOCAL; a pooler would leak a session setting).
 * The connection has no statement bound (an export may run for minutes), so every wait on the
 * server is bounded by `stallTimeoutMs` instead: a frozen server or a silent network ends the
 * export and frees its connection rather than holding both for hours.
 */
export async function* copyCsvOut(pool: Pool, query: SQL, { stallTimeoutMs }: { stallTimeoutMs: number }): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  let finished = false;
  let stream: ReturnType<typeof copyTo> | undefined;
  try {
    await boundedWait(client.query("begin read only; set local datestyle = 'ISO, YMD'"), stallTimeoutMs);
    stream = client.query(copyTo(`COPY (${inlineQuery(query)}) TO STDOUT WITH (FORMAT csv)`));
    const chunks = stream[Symbol.asyncIterator]();
    for (;;) {
      const next = await boundedWait(chunks.next(), stallTimeoutMs);
      if (next.done) break;
      yield next.value as Buffer;
    }
    await boundedWait(client.query('commit'), stallTimeoutMs);
    finished = true;
  } finally {
    if (finished) client.release();
    else {
      stream?.destroy();
      // true: the pool discards this connection instead of reusing it mid-COPY.
      client.release(true);
    }
  }
}
