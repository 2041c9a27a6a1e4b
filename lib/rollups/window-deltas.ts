// Adds a batch's daily-rollup deltas to the period rollups whose days they fall in, under the
// tenant's rollup_windows row locked FOR SHARE (a move of as_of waits for the batch, or the batch
// for the move). Before the first build there is nothing to add to: the build sums the days.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { asOfQuery, dayNumber, WINDOW_DAYS, WINDOWED_ROLLUPS, type WindowedRollup } from './rollup-windows';

type Executor = Pick<Database, 'execute'>;

/** One daily-rollup delta: its day, its key columns (the rollup's `keys`) and value deltas. */
export interface DailyDelta {
  day: string;
  keys: (string | number)[];
  values: number[];
}

const CHUNK = 500;

async function upsertWindowDeltas(tx: Executor, tenantId: string, rollup: WindowedRollup, deltas: Map<string, number[]>) {
  const rows = [...deltas.entries()]
    .filter(([, values]) => values.some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => [...(JSON.parse(key) as (string | number)[]), ...values]);
  const columns = sql.raw(['days', ...rollup.keys, ...rollup.values].join(', '));
  const keys = sql.raw(rollup.keys.join(', '));
  const added = sql.raw(rollup.values.map((v) => `${v} = ${rollup.window}.${v} + excluded.${v}`).join(', '));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tuples = rows.slice(i, i + CHUNK).map((row) => sql`(${tenantId}::uuid, ${sql.join(row.map((cell) => sql`${cell}`), sql`, `)})`);
    await tx.execute(sql`insert into ${sql.raw(rollup.window)} (tenant_id, ${columns}) values ${sql.join(tuples, sql`, `)}
      on conflict (tenant_id, days, ${keys}) do update set ${added}`);
  }
}

/** deltas: per windowed rollup (by its daily table's name), the batch's daily deltas. */
export async function applyWindowDeltas(tx: Executor, tenantId: string, deltas: Record<string, DailyDelta[]>): Promise<void> {
  if (Object.values(deltas).every((list) => list.length === 0)) return;
  const [windows] = await queryRows<{ as_of: string | null }>(tx, asOfQuery(tenantId, sql`for share`));
  if (!windows?.as_of) return;
  const asOf = dayNumber(windows.as_of);
  for (const rollup of WINDOWED_ROLLUPS) {
    const byWindowKey = new Map<string, number[]>();
    for (const delta of deltas[rollup.daily] ?? []) {
      const day = dayNumber(delta.day);
      for (const days of WINDOW_DAYS) {
        if (day > asOf || day <= asOf - days) continue;
        const key = JSON.stringify([days, ...delta.keys]);
        const sum = byWindowKey.get(key) ?? rollup.values.map(() => 0);
        byWindowKey.set(key, sum.map((v, i) => v + delta.values[i]!));
      }
    }
    await upsertWindowDeltas(tx, tenantId, rollup, byWindowKey);
  }
}
