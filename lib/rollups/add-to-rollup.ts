// Adding deltas to a rollup table keyed (tenant_id, ...keys), daily or per period: the deltas
// are summed per key first, then written in key order (so concurrent batches lock rollup rows
// in the same order), 500 rows a statement, each added to the row already there.
import { sql } from 'drizzle-orm';
import { chunks } from '@/db/chunked';
import type { Database } from '@/db/client';

type Executor = Pick<Database, 'execute'>;

/** A rollup table: its key columns after tenant_id (its primary key) and its summed columns. */
export interface RollupTable {
  table: string;
  keys: string[];
  values: string[];
}

export type KeyedDelta = [key: (string | number)[], values: number[]];

export class DeltaMap {
  private readonly sums = new Map<string, number[]>();

  add(key: (string | number)[], values: number[]): void {
    const text = JSON.stringify(key);
    const sum = this.sums.get(text);
    this.sums.set(text, sum ? sum.map((value, i) => value + values[i]!) : [...values]);
  }

  /** The non-zero deltas in key order. */
  changed(): KeyedDelta[] {
    return [...this.sums.entries()]
      .filter(([, values]) => values.some((value) => value !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, values]) => [JSON.parse(key) as (string | number)[], values]);
  }
}

export async function addToRollup(tx: Executor, tenantId: string, rollup: RollupTable, deltas: KeyedDelta[]): Promise<void> {
  const columns = sql.raw([...rollup.keys, ...rollup.values].join(', '));
  const keys = sql.raw(rollup.keys.join(', '));
  const added = sql.raw(rollup.values.map((v) => `${v} = ${rollup.table}.${v} + excluded.${v}`).join(', '));
  for (const chunk of chunks(deltas)) {
    const tuples = chunk.map(([key, values]) => sql`(${tenantId}::uuid, ${sql.join([...key, ...values].map((cell) => sql`${cell}`), sql`, `)})`);
    await tx.execute(sql`insert into ${sql.raw(rollup.table)} (tenant_id, ${columns}) values ${sql.join(tuples, sql`, `)}
      on conflict (tenant_id, ${keys}) do update set ${added}`);
  }
}
