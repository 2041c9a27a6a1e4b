import 'server-only';
// Writes one validated batch of the sync engine for one tenant: all or nothing, in one
// transaction. The sections are written in a fixed order (profiles, users, their settings, the
// users and profiles reported removed, sessions with their logs and the Sync now requests they answer, issues; each sorted by key; rollups last, in key order), so that
// concurrent batches cannot deadlock. Replays change nothing; the admins' switches are never
// touched. Each section is a file of its own under sections/.
// A tenant's batches take turns (a transaction-level advisory lock on the tenant): the rollups
// move by the difference each write makes, read before and after it, and two batches writing
// the same new session at once would both see it as new and count it twice. A row that does
// not exist yet cannot be locked; the tenant can. Other tenants' batches run side by side.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { runTransaction, type TransactionLimits } from '@/db/run-transaction';
import { ingestLimits } from '@/lib/db-limits';
import { RollupDeltas } from '@/lib/rollups/rollup-deltas';
import { reportedPresent, reportedRemoved, type IngestBatch } from './batch-schema';
import { findRemovedProfileProblems } from './removed-profile-rules';
import { findUnknownReferences, IngestReferenceError } from './resolve-references';
import { removeProfiles, removeUsers, restoreProfiles, restoreUsers } from './sections/directory-removals';
import { upsertIssues } from './sections/issues';
import { upsertProfiles } from './sections/profiles';
import { upsertSessions } from './sections/sessions';
import { answerSyncRequests } from './sections/sync-request-answers';
import { writeUserSettings } from './sections/user-settings';
import { upsertUsers } from './sections/users';
import { ensureDayPartitions } from '@/lib/partitions/ensure-day-partitions';
import { ISSUE_DAY_TABLES, SESSION_DAY_TABLES } from '@/lib/partitions/day-partitioned-tables';
import { retentionWindow } from '@/lib/partitions/retention-window';
import { keepWithinRetention } from './retention-filter';

export interface BatchCounts {
  profiles: number;
  users: number;
  sessions: number;
  issues: number;
  /** Sessions and issues not stored: their day is outside the days the panel keeps. */
  outsideRetention: { sessions: number; issues: number };
}

export async function writeBatch(db: Database, tenantId: string, reported: IngestBatch, limits: TransactionLimits = ingestLimits()): Promise<BatchCounts> {
  const { batch, outsideRetention, sessionDays, issueDays } = keepWithinRetention(reported, retentionWindow());
  // Before the batch's transaction: creating a partition must not wait for, or hold up, a batch.
  await ensureDayPartitions(db, SESSION_DAY_TABLES, sessionDays);
  await ensureDayPartitions(db, ISSUE_DAY_TABLES, issueDays);
  return runTransaction(db, limits, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.ingestion}, hashtext(${tenantId}))`);
    const problems = await findUnknownReferences(tx, tenantId, batch);
    if (problems.length > 0) throw new IngestReferenceError(problems);

    const presentProfiles = (batch.profiles ?? []).filter(reportedPresent);
    const presentUsers = (batch.users ?? []).filter(reportedPresent);
    await upsertProfiles(tx, tenantId, presentProfiles);
    await restoreProfiles(tx, tenantId, presentProfiles.map((p) => p.id));
    await upsertUsers(tx, tenantId, presentUsers);
    await restoreUsers(tx, tenantId, presentUsers.map((u) => u.email));
    await writeUserSettings(tx, tenantId, presentUsers);
    await removeUsers(tx, tenantId, (batch.users ?? []).filter(reportedRemoved).map((u) => u.email));
    await removeProfiles(tx, tenantId, (batch.profiles ?? []).filter(reportedRemoved).map((p) => p.id));
    const directoryProblems = await findRemovedProfileProblems(tx, tenantId, batch);
    if (directoryProblems.length > 0) throw new IngestReferenceError(directoryProblems, 'A removed profile would keep users; nothing was written.');
    // The overview's rollups move by the difference each write makes.
    const rollups = new RollupDeltas();
    const sessions = batch.sessions ?? [];
    await rollups.trackSessions(tx, tenantId, sessions.map((s) => s.id), () => upsertSessions(tx, tenantId, sessions));
    await answerSyncRequests(tx, tenantId, sessions);
    const issues = batch.issues ?? [];
    await rollups.trackIssues(tx, tenantId, issues.map((i) => i.id), () => upsertIssues(tx, tenantId, issues));
    await rollups.apply(tx, tenantId);
    // How fresh the tenant's data is (lib/freshness): under the tenant's lock, so in batch order.
    await tx.execute(sql`update tenants set last_batch_at = now() where id = ${tenantId}::uuid`);
    return { profiles: batch.profiles?.length ?? 0, users: batch.users?.length ?? 0, sessions: sessions.length, issues: issues.length, outsideRetention };
  });
}
