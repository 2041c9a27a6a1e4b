import 'server-only';
// What every section of a batch writes with: rows in key order (concurrent batches then take row
// locks in the same order; the chunking is db/chunked.ts), and upserts whose
// columns are named once — the `set` of ON CONFLICT and the "did anything change" condition
// come from one list.
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

export const sortedBy = <T>(items: T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export const excluded = (column: PgColumn): SQL => sql.raw(`excluded."${column.name}"`);
const stored = (table: PgTable, column: PgColumn): SQL => sql.raw(`"${getTableConfig(table).name}"."${column.name}"`);

/** The columns an upsert takes from the batch: ON CONFLICT's `set`, and whether the stored row differs. */
export function upsertColumns<Columns extends Record<string, PgColumn>>(table: PgTable, columns: Columns) {
  const list = Object.values(columns);
  const tuple = (pick: (column: PgColumn) => SQL) => sql.join(list.map(pick), sql`, `);
  return {
    set: Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, excluded(column)])) as { [Key in keyof Columns]: SQL },
    changed: sql`(${tuple((column) => stored(table, column))}) is distinct from (${tuple(excluded)})`,
    stored: (column: PgColumn) => stored(table, column),
  };
}

/** A list of keys as one bound parameter, however long (a section holds up to 10,000): `x in ${keyList(keys)}`. */
export const keyList = (keys: string[]): SQL => sql`(select value from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;
