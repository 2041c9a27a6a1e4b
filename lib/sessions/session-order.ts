// How the statistics tables sort: by start date, end date or status, each way.
// An order is a list of segments read one after the other, each an index range of its own
// ordered by one key: "status" is one segment per status (newest first inside each),
// "end date" is the ended sessions by end date plus the sessions still running. A page reads
// at most pageSize + 1 rows from each segment, so a page costs the same at any depth and
// at any size of the period (see the profile indexes in db/schema.ts).
import { sql, type SQL } from 'drizzle-orm';
import { SESSION_STATUSES, type SessionStatus } from '@/domain/sync-vocabulary';
import type { Direction } from '@/lib/paging/keyset';

export const SESSION_SORT_KEYS = ['startedAt', 'endedAt', 'status'] as const;
export type SessionSortKey = (typeof SESSION_SORT_KEYS)[number];

// The lifecycle order of the enum; "descending" puts errors first.
const STATUS_ORDER: readonly SessionStatus[] = SESSION_STATUSES;

export interface SessionSegment {
  /** Stable name, kept in cursors. */
  name: string;
  /** Rows of this segment, on sync_sessions aliased `s`; null: every row. */
  where: SQL | null;
  /** The key ordered inside the segment (the id breaks ties). */
  key: SQL;
  /** The key's value for a row, as the cursor keeps it. */
  keyOf: (row: { startedAt: string; endedAt: string | null }) => string;
}

export interface SessionOrder {
  segments: SessionSegment[];
  /** Direction of the key inside every segment. */
  keyDirection: Direction;
  segmentOf: (row: { status: SessionStatus; endedAt: string | null }) => string;
}

const startedKey = sql.raw('s.started_at');
const byStart = (row: { startedAt: string }) => row.startedAt;

export function sessionOrder(sort: SessionSortKey, direction: Direction, filter: { status?: SessionStatus | null; range?: { from: Date | null } } = {}): SessionOrder {
  if (sort === 'startedAt') {
    return { segments: [{ name: 'all', where: null, key: startedKey, keyOf: byStart }], keyDirection: direction, segmentOf: () => 'all' };
  }
  if (sort === 'endedAt') {
    // Like PostgreSQL's NULLS LAST ascending / NULLS FIRST descending: running sessions have no
    // end yet, so they come after every ended one ascending, and first descending.
    // A session ends after it starts: the period's From bounds the end date too, so a walk down
    // the end-date index stops there instead of reading the profile's whole history.
    const from = filter.range?.from;
    const ended: SessionSegment = {
      name: 'ended',
      where: from ? sql`s.ended_at >= ${from}` : sql`s.ended_at is not null`,
      key: sql.raw('s.ended_at'),
      keyOf: (row) => row.endedAt ?? '',
    };
    const running: SessionSegment = { name: 'running', where: sql`s.ended_at is null`, key: startedKey, keyOf: byStart };
    return {
      segments: direction === 'asc' ? [ended, running] : [running, ended],
      keyDirection: direction,
      segmentOf: (row) => (row.endedAt ? 'ended' : 'running'),
    };
  }
  const statuses = (direction === 'asc' ? STATUS_ORDER : [...STATUS_ORDER].reverse()).filter((status) => !filter.status || status === filter.status);
  return {
    segments: statuses.map((status) => ({ name: status, where: sql`s.status = ${status}`, key: startedKey, keyOf: byStart })),
    // Inside a status the newest sessions come first, whichever way the statuses run.
    keyDirection: 'desc',
    segmentOf: (row) => row.status,
  };
}
