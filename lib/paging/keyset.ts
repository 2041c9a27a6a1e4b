// Keyset paging over (sort value, id): page forward with `after`, backward with `before`.
// No OFFSET: a page 25,000 rows deep costs what the first one does.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor';

export type Direction = 'asc' | 'desc';

export interface KeysetRequest {
  after: string | null;
  before: string | null;
}

export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  previousCursor: string | null;
}

export function keysetClause({
  sortColumn,
  sortValue,
  idColumn,
  direction,
  request,
}: {
  sortColumn: SQL;
  /** What the sort column's value in a cursor must be (lib/paging/cursor.ts CURSOR_VALUES). */
  sortValue: z.ZodType<string>;
  idColumn: SQL;
  direction: Direction;
  request: KeysetRequest;
}): {
  where: SQL | null;
  orderBy: SQL;
  reversed: boolean;
} {
  const keySchema = z.object({ k: sortValue, id: z.uuid() });
  const after = decodeCursor(request.after, keySchema);
  const before = after ? null : decodeCursor(request.before, keySchema);
  const reversed = before !== null;
  // Reading backwards walks the index the other way and flips the rows afterwards.
  const walk: Direction = reversed ? (direction === 'asc' ? 'desc' : 'asc') : direction;
  const key = after ?? before;
  const comparison = walk === 'asc' ? sql`>` : sql`<`;
  const order = walk === 'asc' ? sql`asc` : sql`desc`;
  return {
    where: key ? sql`(${sortColumn}, ${idColumn}) ${comparison} (${key.k}, ${key.id}::uuid)` : null,
    orderBy: sql`${sortColumn} ${order}, ${idColumn} ${order}`,
    reversed,
  };
}

/** Cuts the fetched rows (pageSize + 1) into a page with its neighbours' cursors. */
export function toKeysetPage<Row>(
  fetched: Row[],
  pageSize: number,
  reversed: boolean,
  request: KeysetRequest,
  keyOf: (row: Row) => Record<string, string | number | null>,
): KeysetPage<Row> {
  const hasMore = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (reversed) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const moreAfter = reversed ? true : hasMore;
  const moreBefore = reversed ? hasMore : request.after !== null;
  return {
    rows,
    nextCursor: moreAfter && last ? encodeCursor(keyOf(last)) : null,
    previousCursor: moreBefore && first ? encodeCursor(keyOf(first)) : null,
  };
}
