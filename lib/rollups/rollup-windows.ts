// The period rollups (window_* tables): the daily rollups summed over the overview's periods,
// the last 1, 7, 30 and 90 days ending on the tenant's as_of day. Ingestion adds its deltas to
// them (lib/rollups/window-deltas.ts); here as_of moves to today: each period adds the days that
// entered it and subtracts the days that left, or is summed again when it moved by its length
// or more. The tenant's rollup_windows row, locked FOR UPDATE here and FOR SHARE by ingestion,
// keeps a move and a batch from interleaving.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { runTransaction, type TransactionLimits } from '@/db/run-transaction';
import { OVERVIEW_DAYS } from '@/lib/overview/overview-period';
import { localDay } from './local-day';

type Executor = Pick<Database, 'execute'>;

export const WINDOW_DAYS = OVERVIEW_DAYS;

export interface WindowedRollup {
  daily: string;
  window: string;
  keys: string[];
  values: string[];
  /** Columns the window table derives from the values (generated there), for its read-only stand-in. */
  derived?: string;
}

export const SESSION_COUNTS: WindowedRollup = {
  daily: 'daily_session_counts',
  window: 'window_session_counts',
  keys: ['profile_id', 'status', 'error_category', 'error_source'],
  values: ['sessions'],
};
export const ISSUE_COUNTS: WindowedRollup = { daily: 'daily_issue_counts', window: 'window_issue_counts', keys: ['profile_id', 'type', 'error_code'], values: ['issues'] };
export const USER_PROBLEMS: WindowedRollup = {
  daily: 'daily_user_problems',
  window: 'window_user_problems',
  keys: ['user_id', 'profile_id'],
  values: ['error_sessions', 'issues'],
  derived: 'error_sessions + issues as problems',
};

export const WINDOWED_ROLLUPS: WindowedRollup[] = [SESSION_COUNTS, ISSUE_COUNTS, USER_PROBLEMS];

const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The days a period of `days` ending on `to` gains and loses when its end moves from `from`
 * (null: never built): ranges (after, through], each with its sign. */
export interface WindowMove {
  rebuild: boolean;
  ranges: { after: string; through: string; sign: 1 | -1 }[];
}

export function windowMove(days: number, from: string | null, to: string): WindowMove {
  const end = dayNumber(to);
  if (from === null || dayNumber(from) > end || end - dayNumber(from) >= days) {
    return { rebuild: true, ranges: [{ after: dayText(end - days), through: to, sign: 1 }] };
  }
  const start = dayNumber(from);
  if (start === end) return { rebuild: false, ranges: [] };
  return {
    rebuild: false,
    ranges: [
      { after: from, through: to, sign: 1 },
      { after: dayText(start - days), through: dayText(end - days), sign: -1 },
    ],
  };
}

/** The daily rows a move of the period's end adds (+1) and drops (-1), summed per key:
 * a select of (keys…, values…). The move stores it; the overview's read-only path adds it. */
export function movedDaysQuery(rollup: WindowedRollup, tenantId: string, ranges: WindowMove['ranges']): SQL {
  const keys = sql.raw(rollup.keys.join(', '));
  const signOf = sql.join(
    ranges.map((r) => sql`when day > ${r.after}::date and day <= ${r.through}::date then ${sql.raw(String(r.sign))}`),
    sql` `,
  );
  const inRanges = sql.join(
    ranges.map((r) => sql`(day > ${r.after}::date and day <= ${r.through}::date)`),
    sql` or `,
  );
  const sums = sql.raw(rollup.values.map((v) => `sum(${v} * sign)::int as ${v}`).join(', '));
  return sql`select ${keys}, ${sums}
    from (select *, case ${signOf} end as sign from ${sql.raw(rollup.daily)} where tenant_id = ${tenantId}::uuid and (${inRanges})) d
    group by ${keys}`;
}

async function moveWindow(tx: Executor, tenantId: string, rollup: WindowedRollup, days: number, from: string | null, to: string) {
  const move = windowMove(days, from, to);
  const keys = sql.raw(rollup.keys.join(', '));
  if (move.rebuild) await tx.execute(sql`delete from ${sql.raw(rollup.window)} where tenant_id = ${tenantId}::uuid and days = ${days}`);
  if (move.ranges.length === 0) return;
  const values = sql.raw(rollup.values.join(', '));
  const added = sql.raw(rollup.values.map((v) => `${v} = ${rollup.window}.${v} + excluded.${v}`).join(', '));
  await tx.execute(sql`insert into ${sql.raw(rollup.window)} (tenant_id, days, ${keys}, ${values})
    select ${tenantId}::uuid, ${days}, ${keys}, ${values} from (${movedDaysQuery(rollup, tenantId, move.ranges)}) moved
    on conflict (tenant_id, days, ${keys}) do update set ${added}`);
  const allZero = sql.raw(rollup.values.map((v) => `${v} = 0`).join(' and '));
  if (!move.rebuild) await tx.execute(sql`delete from ${sql.raw(rollup.window)} where tenant_id = ${tenantId}::uuid and days = ${days} and ${allZero}`);
}

/** The tenant's as_of day (YYYY-MM-DD), with a row lock clause. */
export const asOfQuery = (tenantId: string, lock: SQL) =>
  sql`select to_char(as_of, 'YYYY-MM-DD') as as_of from rollup_windows where tenant_id = ${tenantId}::uuid ${lock}`;

// Scripts and generators move large tenants' periods without a time bound; pages pass theirs.
export const UNBOUNDED: TransactionLimits = { statementTimeoutMs: 0, lockTimeoutMs: 0 };

interface MoveOptions {
  rebuild?: boolean;
  limits?: TransactionLimits;
  /** Runs first in the move's transaction; false leaves the move to someone else (the scheduled step's try-lock). */
  beforeMove?: (tx: Executor) => Promise<boolean>;
}

/** Moves the tenant's period rollups to end on `today` (YYYY-MM-DD, in its zone); answers whether it moved them. */
export async function moveWindowsTo(db: Database, tenantId: string, today: string, options: MoveOptions = {}): Promise<boolean> {
  // Most calls find nothing to do: check without a transaction or a lock first.
  if (!options.rebuild) {
    const [current] = await queryRows<{ as_of: string | null }>(db, asOfQuery(tenantId, sql``));
    if (current?.as_of === today) return false;
  }
  return runTransaction(db, options.limits ?? UNBOUNDED, async (tx) => {
    if (options.beforeMove && !(await options.beforeMove(tx))) return false;
    return moveWindowsIn(tx, tenantId, today, options.rebuild ?? false);
  });
}

/** The move itself, inside the caller's transaction: `rebuild` sums every period afresh. */
export async function moveWindowsIn(tx: Executor, tenantId: string, today: string, rebuild: boolean): Promise<boolean> {
  await tx.execute(sql`insert into rollup_windows (tenant_id) values (${tenantId}::uuid) on conflict do nothing`);
  const [locked] = await queryRows<{ as_of: string | null }>(tx, asOfQuery(tenantId, sql`for update`));
  const from = rebuild ? null : (locked?.as_of ?? null);
  if (from === today) return false;
  for (const rollup of WINDOWED_ROLLUPS) for (const days of WINDOW_DAYS) await moveWindow(tx, tenantId, rollup, days, from, today);
  await tx.execute(sql`update rollup_windows set as_of = ${today}::date where tenant_id = ${tenantId}::uuid`);
  return true;
}

/** Today as the tenant's rollups count days: the date in its time zone. */
export async function tenantToday(db: Executor, tenantId: string, now = new Date()): Promise<string> {
  const [row] = await queryRows<{ today: string }>(db, sql`select to_char(${localDay(sql`${now}::timestamptz`, sql.raw('time_zone'))}, 'YYYY-MM-DD') as today from tenants where id = ${tenantId}::uuid`);
  if (!row) throw new Error(`no tenant ${tenantId}`);
  return row.today;
}
