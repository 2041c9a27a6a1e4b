// Keyset paging over an order made of segments read one after another (for instance one per
// status), each ordered by its own key and the id. The cursor keeps the segment, the key and
// the id of the row it stands on; a page queries each segment from there (UNION ALL of
// branches each limited to pageSize + 1) and keeps the first pageSize + 1 rows in order.
// Keys are timestamps. toKeysetPage (./keyset) cuts the page.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CURSOR_VALUES, decodeCursor, InvalidCursorError } from './cursor';
import type { Direction, KeysetRequest } from './keyset';

export interface Segment {
  name: string;
  where: SQL | null;
  key: SQL;
}

export interface SegmentBranch {
  /** Position of the segment in the order read: the outer query sorts on it first. */
  rank: number;
  where: SQL | null;
  key: SQL;
  orderBy: SQL;
}

const cursorSchema = z.object({ s: z.string().max(40), k: CURSOR_VALUES.instant, id: z.uuid() });
export type SegmentCursor = z.infer<typeof cursorSchema>;

export function segmentedKeyset({ segments, keyDirection, idColumn, request }: { segments: Segment[]; keyDirection: Direction; idColumn: SQL; request: KeysetRequest }): {
  branches: SegmentBranch[];
  reversed: boolean;
  /** For the outer query over the branches' `segment_rank`, `sort_key` and `id` columns. */
  outerOrderBy: SQL;
} {
  const after = decodeCursor(request.after, cursorSchema);
  const before = after ? null : decodeCursor(request.before, cursorSchema);
  const reversed = before !== null;
  const cursor = after ?? before;
  // Reading backwards walks the segments and the keys the other way and flips the rows afterwards.
  const walk = reversed ? [...segments].reverse() : segments;
  const walkDirection: Direction = reversed ? (keyDirection === 'asc' ? 'desc' : 'asc') : keyDirection;
  const order = walkDirection === 'asc' ? sql`asc` : sql`desc`;
  const comparison = walkDirection === 'asc' ? sql`>` : sql`<`;
  const start = cursor ? walk.findIndex((segment) => segment.name === cursor.s) : 0;
  // A cursor of a segment this order does not have (another sort, another status filter).
  if (start < 0) throw new InvalidCursorError();
  const branches = walk.slice(start).map((segment, index) => {
    const keyset = cursor && index === 0 ? sql`(${segment.key}, ${idColumn}) ${comparison} (${cursor.k}::timestamptz, ${cursor.id}::uuid)` : null;
    const conditions = [segment.where, keyset].filter((c): c is SQL => c !== null);
    return {
      rank: start + index,
      where: conditions.length ? sql.join(conditions, sql` and `) : null,
      key: segment.key,
      orderBy: sql`${segment.key} ${order}, ${idColumn} ${order}`,
    };
  });
  return { branches, reversed, outerOrderBy: sql`segment_rank asc, sort_key ${order}, id ${order}` };
}
