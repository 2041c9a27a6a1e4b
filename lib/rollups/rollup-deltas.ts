import 'server-only';
// Keeps the daily rollups right as a batch writes: the rollup-relevant facts of the batch's
// sessions and issues are read before and after the write, and only the difference is added
// (a replay adds nothing; a session moving from Started to Error moves one count). Deltas are
// applied in key order, so concurrent batches lock rollup rows in the same order. The period
// rollups get the same deltas, for the periods whose days they fall in (window-deltas.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dailyIssueCounts, dailySessionCounts, dailyStatusCounts, dailyUserProblems, syncIssues, syncSessions } from '@/db/schema';
import { applyWindowDeltas, type DailyDelta } from './window-deltas';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

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

const CHUNK = 5_000;
const utcDay = (column: typeof syncSessions.startedAt | typeof syncIssues.occurredAt) => sql<string>`to_char((${column} at time zone 'UTC')::date, 'YYYY-MM-DD')`;

export async function readSessionFacts(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, SessionFacts>> {
  const facts = new Map<string, SessionFacts>();
  for (let i = 0; i < engineIds.length; i += CHUNK) {
    const rows = await tx
      .select({
        engineId: syncSessions.engineId,
        day: utcDay(syncSessions.startedAt),
        profileId: syncSessions.profileId,
        userId: syncSessions.userId,
        status: syncSessions.status,
        errorCategory: sql<string>`coalesce(${syncSessions.errorCategory}, '')`,
        errorSource: sql<string>`coalesce(${syncSessions.errorSource}::text, '')`,
      })
      .from(syncSessions)
      .where(and(eq(syncSessions.tenantId, tenantId), inArray(syncSessions.engineId, engineIds.slice(i, i + CHUNK))));
    for (const { engineId, ...row } of rows) facts.set(engineId, row);
  }
  return facts;
}

export async function readIssueFacts(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, IssueFacts>> {
  const facts = new Map<string, IssueFacts>();
  for (let i = 0; i < engineIds.length; i += CHUNK) {
    const rows = await tx
      .select({
        engineId: syncIssues.engineId,
        day: utcDay(syncIssues.occurredAt),
        profileId: syncIssues.profileId,
        userId: syncIssues.userId,
        type: syncIssues.type,
        errorCode: syncIssues.errorCode,
      })
      .from(syncIssues)
      .where(and(eq(syncIssues.tenantId, tenantId), inArray(syncIssues.engineId, engineIds.slice(i, i + CHUNK))));
    for (const { engineId, ...row } of rows) facts.set(engineId, row);
  }
  return facts;
}

export class RollupDeltas {
  private readonly sessions = new Map<string, number>();
  private readonly statuses = new Map<string, number>();
  private readonly issues = new Map<string, number>();
  private readonly problems = new Map<string, { errorSessions: number; issues: number }>();

  private static add(map: Map<string, number>, key: unknown[], delta: number) {
    const text = JSON.stringify(key);
    map.set(text, (map.get(text) ?? 0) + delta);
  }

  private addProblem(key: unknown[], errorSessions: number, issues: number) {
    const text = JSON.stringify(key);
    const current = this.problems.get(text) ?? { errorSessions: 0, issues: 0 };
    this.problems.set(text, { errorSessions: current.errorSessions + errorSessions, issues: current.issues + issues });
  }

  private session(facts: SessionFacts, sign: 1 | -1) {
    RollupDeltas.add(this.sessions, [facts.day, facts.profileId, facts.status, facts.errorCategory, facts.errorSource], sign);
    RollupDeltas.add(this.statuses, [facts.day, facts.status], sign);
    if (facts.status === 'error') this.addProblem([facts.day, facts.userId, facts.profileId], sign, 0);
  }

  private issue(facts: IssueFacts, sign: 1 | -1) {
    RollupDeltas.add(this.issues, [facts.day, facts.profileId, facts.type, facts.errorCode], sign);
    this.addProblem([facts.day, facts.userId, facts.profileId], 0, sign);
  }

  diffSessions(before: Map<string, SessionFacts>, after: Map<string, SessionFacts>) {
    for (const facts of before.values()) this.session(facts, -1);
    for (const facts of after.values()) this.session(facts, 1);
  }

  diffIssues(before: Map<string, IssueFacts>, after: Map<string, IssueFacts>) {
    for (const facts of before.values()) this.issue(facts, -1);
    for (const facts of after.values()) this.issue(facts, 1);
  }

  /** Non-zero deltas in key order. */
  private static changed<V>(map: Map<string, V>, isZero: (value: V) => boolean): [unknown[], V][] {
    return [...map.entries()]
      .filter(([, value]) => !isZero(value))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [JSON.parse(key) as unknown[], value]);
  }

  async apply(tx: Transaction, tenantId: string): Promise<void> {
    const sessions = RollupDeltas.changed(this.sessions, (v) => v === 0);
    for (let i = 0; i < sessions.length; i += 500) {
      await tx
        .insert(dailySessionCounts)
        .values(
          sessions.slice(i, i + 500).map(([[day, profileId, status, errorCategory, errorSource], delta]) => ({
            tenantId,
            day: day as string,
            profileId: profileId as string,
            status: status as (typeof dailySessionCounts.$inferInsert)['status'],
            errorCategory: errorCategory as string,
            errorSource: errorSource as string,
            sessions: delta,
          })),
        )
        .onConflictDoUpdate({
          target: [dailySessionCounts.tenantId, dailySessionCounts.day, dailySessionCounts.profileId, dailySessionCounts.status, dailySessionCounts.errorCategory, dailySessionCounts.errorSource],
          set: { sessions: sql`${dailySessionCounts.sessions} + excluded.sessions` },
        });
    }
    const issues = RollupDeltas.changed(this.issues, (v) => v === 0);
    for (let i = 0; i < issues.length; i += 500) {
      await tx
        .insert(dailyIssueCounts)
        .values(
          issues.slice(i, i + 500).map(([[day, profileId, type, errorCode], delta]) => ({
            tenantId,
            day: day as string,
            profileId: profileId as string,
            type: type as (typeof dailyIssueCounts.$inferInsert)['type'],
            errorCode: errorCode as number,
            issues: delta,
          })),
        )
        .onConflictDoUpdate({
          target: [dailyIssueCounts.tenantId, dailyIssueCounts.day, dailyIssueCounts.profileId, dailyIssueCounts.type, dailyIssueCounts.errorCode],
          set: { issues: sql`${dailyIssueCounts.issues} + excluded.issues` },
        });
    }
    const problems = RollupDeltas.changed(this.problems, (v) => v.errorSessions === 0 && v.issues === 0);
    for (let i = 0; i < problems.length; i += 500) {
      await tx
        .insert(dailyUserProblems)
        .values(
          problems.slice(i, i + 500).map(([[day, userId, profileId], delta]) => ({
            tenantId,
            day: day as string,
            userId: userId as string,
            profileId: profileId as string,
            errorSessions: delta.errorSessions,
            issues: delta.issues,
          })),
        )
        .onConflictDoUpdate({
          target: [dailyUserProblems.tenantId, dailyUserProblems.day, dailyUserProblems.userId, dailyUserProblems.profileId],
          set: {
            errorSessions: sql`${dailyUserProblems.errorSessions} + excluded.error_sessions`,
            issues: sql`${dailyUserProblems.issues} + excluded.issues`,
          },
        });
    }
    const statuses = RollupDeltas.changed(this.statuses, (v) => v === 0);
    if (statuses.length > 0) {
      await tx
        .insert(dailyStatusCounts)
        .values(statuses.map(([[day, status], delta]) => ({ tenantId, day: day as string, status: status as (typeof dailyStatusCounts.$inferInsert)['status'], sessions: delta })))
        .onConflictDoUpdate({
          target: [dailyStatusCounts.tenantId, dailyStatusCounts.day, dailyStatusCounts.status],
          set: { sessions: sql`${dailyStatusCounts.sessions} + excluded.sessions` },
        });
    }
    const daily = ([day, ...keys]: unknown[], values: number[]): DailyDelta => ({ day: day as string, keys: keys as (string | number)[], values });
    await applyWindowDeltas(tx, tenantId, {
      daily_session_counts: sessions.map(([key, delta]) => daily(key, [delta])),
      daily_issue_counts: issues.map(([key, delta]) => daily(key, [delta])),
      daily_user_problems: problems.map(([key, delta]) => daily(key, [delta.errorSessions, delta.issues])),
    });
  }
}
