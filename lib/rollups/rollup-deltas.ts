import 'server-only';
// Keeps the daily rollups right as a batch writes: the rollup-relevant facts of the batch's
// sessions and issues are read before and after the write (trackSessions, trackIssues; the
// tenant's batches take turns, lib/ingest/write-batch.ts), and only the difference is added
// (a replay adds nothing; a session moving from Started to Error moves one count). Deltas are
// applied in key order, so concurrent batches lock rollup rows in the same order. The period
// rollups get the same deltas, for the periods whose days they fall in (window-deltas.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { readInChunks } from '@/db/chunked';
import type { Transaction } from '@/db/run-transaction';
import { syncIssueEngineIds, syncIssues, syncSessionEngineIds, syncSessions, tenants } from '@/db/schema';
import { issueOfEngineId, sessionOfEngineId } from '@/lib/partitions/engine-id-joins';
import { localDay } from './local-day';
import { addToRollup, DeltaMap, type RollupTable } from './add-to-rollup';
import { WINDOWED_ROLLUPS } from './rollup-windows';
import { applyWindowDeltas } from './window-deltas';

interface SessionFacts {
  day: string;
  profileId: string;
  userId: string;
  status: string;
  errorCategory: string;
  errorSource: string;
}

interface IssueFacts {
  day: string;
  profileId: string;
  userId: string;
  type: string;
  errorCode: number;
}

const dayOf = (column: typeof syncSessions.startedAt | typeof syncIssues.occurredAt) => sql<string>`to_char(${localDay(column, tenants.timeZone)}, 'YYYY-MM-DD')`;

async function readSessionFacts(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, SessionFacts>> {
  const rows = await readInChunks(engineIds, (chunk) =>
    tx
      .select({
        engineId: syncSessionEngineIds.engineId,
        day: dayOf(syncSessions.startedAt),
        profileId: syncSessions.profileId,
        userId: syncSessions.userId,
        status: syncSessions.status,
        errorCategory: sql<string>`coalesce(${syncSessions.errorCategory}, '')`,
        errorSource: sql<string>`coalesce(${syncSessions.errorSource}::text, '')`,
      })
      .from(syncSessionEngineIds)
      .innerJoin(syncSessions, sessionOfEngineId)
      .innerJoin(tenants, eq(tenants.id, syncSessions.tenantId))
      .where(and(eq(syncSessionEngineIds.tenantId, tenantId), inArray(syncSessionEngineIds.engineId, chunk))),
  );
  return new Map(rows.map(({ engineId, ...row }) => [engineId, row]));
}

async function readIssueFacts(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, IssueFacts>> {
  const rows = await readInChunks(engineIds, (chunk) =>
    tx
      .select({
        engineId: syncIssueEngineIds.engineId,
        day: dayOf(syncIssues.occurredAt),
        profileId: syncIssues.profileId,
        userId: syncIssues.userId,
        type: syncIssues.type,
        errorCode: syncIssues.errorCode,
      })
      .from(syncIssueEngineIds)
      .innerJoin(syncIssues, issueOfEngineId)
      .innerJoin(tenants, eq(tenants.id, syncIssues.tenantId))
      .where(and(eq(syncIssueEngineIds.tenantId, tenantId), inArray(syncIssueEngineIds.engineId, chunk))),
  );
  return new Map(rows.map(({ engineId, ...row }) => [engineId, row]));
}

// The daily rollups a batch moves: the windowed ones (keyed by day first), and all profiles'
// sessions per day and status. Written in this order by every batch.
const DAILY_ROLLUPS: RollupTable[] = [
  ...WINDOWED_ROLLUPS.map((rollup) => ({ table: rollup.daily, keys: ['day', ...rollup.keys], values: rollup.values })),
  { table: 'daily_status_counts', keys: ['day', 'status'], values: ['sessions'] },
];

export class RollupDeltas {
  // Per daily table, the deltas by key (its `keys` columns, in order).
  private readonly daily = new Map<string, DeltaMap>();

  private add(table: string, key: (string | number)[], values: number[]) {
    const deltas = this.daily.get(table) ?? new DeltaMap();
    deltas.add(key, values);
    this.daily.set(table, deltas);
  }

  private session(facts: SessionFacts, sign: 1 | -1) {
    this.add('daily_session_counts', [facts.day, facts.profileId, facts.status, facts.errorCategory, facts.errorSource], [sign]);
    this.add('daily_status_counts', [facts.day, facts.status], [sign]);
    // error_sessions, issues
    if (facts.status === 'error') this.add('daily_user_problems', [facts.day, facts.userId, facts.profileId], [sign, 0]);
  }

  private issue(facts: IssueFacts, sign: 1 | -1) {
    this.add('daily_issue_counts', [facts.day, facts.profileId, facts.type, facts.errorCode], [sign]);
    this.add('daily_user_problems', [facts.day, facts.userId, facts.profileId], [0, sign]);
  }

  /** Runs the write of these sessions and adds the difference it made to their facts. */
  async trackSessions(tx: Transaction, tenantId: string, engineIds: string[], write: () => Promise<void>): Promise<void> {
    const before = await readSessionFacts(tx, tenantId, engineIds);
    await write();
    for (const facts of before.values()) this.session(facts, -1);
    for (const facts of (await readSessionFacts(tx, tenantId, engineIds)).values()) this.session(facts, 1);
  }

  /** Runs the write of these issues and adds the difference it made to their facts. */
  async trackIssues(tx: Transaction, tenantId: string, engineIds: string[], write: () => Promise<void>): Promise<void> {
    const before = await readIssueFacts(tx, tenantId, engineIds);
    await write();
    for (const facts of before.values()) this.issue(facts, -1);
    for (const facts of (await readIssueFacts(tx, tenantId, engineIds)).values()) this.issue(facts, 1);
  }

  async apply(tx: Transaction, tenantId: string): Promise<void> {
    const changed = Object.fromEntries(DAILY_ROLLUPS.map((rollup) => [rollup.table, this.daily.get(rollup.table)?.changed() ?? []]));
    for (const rollup of DAILY_ROLLUPS) await addToRollup(tx, tenantId, rollup, changed[rollup.table]!);
    await applyWindowDeltas(tx, tenantId, changed);
  }
}
