// Adds a batch's daily-rollup deltas to the period rollups whose days they fall in, under the
// tenant's rollup_windows row locked FOR SHARE (a move of as_of waits for the batch, or the batch
// for the move). Before the first build there is nothing to add to: the build sums the days.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { addToRollup, DeltaMap, type KeyedDelta } from './add-to-rollup';
import { asOfQuery, dayNumber, WINDOW_DAYS, WINDOWED_ROLLUPS } from './rollup-windows';

type Executor = Pick<Database, 'execute'>;

/** deltas: per daily table of a windowed rollup, its deltas keyed [day, ...the rollup's keys]. */
export async function applyWindowDeltas(tx: Executor, tenantId: string, deltas: Record<string, KeyedDelta[]>): Promise<void> {
  if (Object.values(deltas).every((list) => list.length === 0)) return;
  const [windows] = await queryRows<{ as_of: string | null }>(tx, asOfQuery(tenantId, sql`for share`));
  if (!windows?.as_of) return;
  const asOf = dayNumber(windows.as_of);
  for (const rollup of WINDOWED_ROLLUPS) {
    const byWindowKey = new DeltaMap();
    for (const [[day, ...keys], values] of deltas[rollup.daily] ?? []) {
      const dayIndex = dayNumber(day as string);
      for (const days of WINDOW_DAYS) {
        if (dayIndex <= asOf && dayIndex > asOf - days) byWindowKey.add([days, ...keys], values);
      }
    }
    await addToRollup(tx, tenantId, { table: rollup.window, keys: ['days', ...rollup.keys], values: rollup.values }, byWindowKey.changed());
  }
}
