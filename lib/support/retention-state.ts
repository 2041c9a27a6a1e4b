import 'server-only';
// Support's view of the installation's retention: how long sessions, logs and issues are kept
// (the operator's DATA_RETENTION_DAYS), and which days are stored now.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { retentionWindow } from '@/lib/partitions/retention-window';
import { assertSupport, type SupportPrincipal } from './support-principal';

export interface RetentionState {
  retentionDays: number;
  /** The oldest day kept (UTC, YYYY-MM-DD): earlier days are dropped at the next run. */
  firstKeptDay: string;
  /** The oldest and newest days with a sessions partition, and how many there are. */
  oldestStoredDay: string | null;
  newestStoredDay: string | null;
  storedDays: number;
}

export async function readRetentionState(by: SupportPrincipal): Promise<RetentionState> {
  assertSupport(by);
  const { retentionDays, firstKeptDay } = retentionWindow();
  const [days] = await queryRows<{ oldest: string | null; newest: string | null; days: number }>(
    getDatabase().db,
    sql`select to_char(min(day), 'YYYY-MM-DD') as oldest, to_char(max(day), 'YYYY-MM-DD') as newest, count(*)::int as days
        from day_partitions('sync_sessions'::regclass)`,
  );
  return { retentionDays, firstKeptDay, oldestStoredDay: days?.oldest ?? null, newestStoredDay: days?.newest ?? null, storedDays: days?.days ?? 0 };
}
