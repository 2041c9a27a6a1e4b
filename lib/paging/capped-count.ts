import 'server-only';
// How many rows a list matches, counted up to COUNT_CAP and shown as "10,000+" past it: a count
// reads at most COUNT_CAP + 1 index entries, so it costs the same at 10,000 or 10,000,000 rows.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';

export const COUNT_CAP = 10_000;

export interface CappedCount {
  count: number;
  capped: boolean;
}

/** `matching` is a `select 1 from … where …` of the rows to count. */
export async function countUpToCap(matching: SQL): Promise<CappedCount> {
  const [row] = await queryRows<{ n: number }>(await readDatabase(), sql`select count(*)::int as n from (${matching} limit ${COUNT_CAP + 1}) matching`);
  const n = row?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
