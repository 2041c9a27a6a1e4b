import 'server-only';
// Writes one validated batch of the sync engine for one tenant: all or nothing, in one
// transaction, keys taken in a fixed order (profiles, users, sessions, logs, issues; each
// sorted; rollups last, in key order) so that concurrent batches cannot deadlock. Replays change nothing; sessions only
// move forward; the admins' switches are never touched.
// A tenant's batches take turns (a transaction-level advisory lock on the tenant): the rollups
// move by the difference each write makes, read before and after it, and two batches writing
// the same new session at once would both see it as new and count it twice. A row that does
// not exist yet cannot be locked; the tenant can. Other tenants' batches run side by side.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Database } from '@/db/client';
import { runTransaction, type Transaction, type TransactionLimits } from '@/db/run-transaction';
import { ingestLimits } from '@/lib/db-limits';
import { profileSettings, profiles, syncIssues, syncSessionLogs, syncSessions, users, userSettings } from '@/db/schema';
import type { IngestBatch } from './batch-schema';
import { readIssueFacts, readSessionFacts, RollupDeltas } from '@/lib/rollups/rollup-deltas';
import { findUnknownReferences, IngestReferenceError } from './resolve-references';

// The advisory lock's first key: the class "a tenant's ingestion" (the second is the tenant).
const INGEST_LOCK_CLASS = 727_002;

export interface BatchCounts {
  profiles: number;
  users: number;
  sessions: number;
  issues: number;
}

const CHUNK_ROWS = 500;

const excluded = (column: PgColumn): SQL => sql.raw(`excluded."${column.name}"`);
const existing = (table: string, column: PgColumn): SQL => sql.raw(`"${table}"."${column.name}"`);
const statusRank = (status: SQL): SQL =>
  sql`(case ${status} when 'ready' then 0 when 'started' then 1 else 2 end)`;

function chunks<T>(items: T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sortedBy = <T>(items: T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export async function writeBatch(db: Database, tenantId: string, batch: IngestBatch, limits: TransactionLimits = ingestLimits()): Promise<BatchCounts> {
  return runTransaction(db, limits, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK_CLASS}, hashtext(${tenantId}))`);
    const problems = await findUnknownReferences(tx, tenantId, batch);
    if (problems.length > 0) throw new IngestReferenceError(problems);

    await upsertProfiles(tx, tenantId, batch.profiles ?? []);
    await upsertUsers(tx, tenantId, batch.users ?? []);
    await writeUserSettings(tx, tenantId, batch.users ?? []);
    // The overview's daily rollups move by the difference each write makes.
    const rollups = new RollupDeltas();
    const sessionIds = (batch.sessions ?? []).map((s) => s.id);
    const sessionsBefore = await readSessionFacts(tx, tenantId, sessionIds);
    await upsertSessions(tx, tenantId, batch.sessions ?? []);
    rollups.diffSessions(sessionsBefore, await readSessionFacts(tx, tenantId, sessionIds));
    const issueIds = (batch.issues ?? []).map((i) => i.id);
    const issuesBefore = await readIssueFacts(tx, tenantId, issueIds);
    await upsertIssues(tx, tenantId, batch.issues ?? []);
    rollups.diffIssues(issuesBefore, await readIssueFacts(tx, tenantId, issueIds));
    await rollups.apply(tx, tenantId);
    return {
      profiles: batch.profiles?.length ?? 0,
      users: batch.users?.length ?? 0,
      sessions: batch.sessions?.length ?? 0,
      issues: batch.issues?.length ?? 0,
    };
  });
}

async function upsertProfiles(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['profiles']>) {
  for (const chunk of chunks(sortedBy(items, (p) => p.id))) {
    await tx
      .insert(profiles)
      .values(chunk.map((p) => ({ tenantId, engineId: p.id, name: p.name })))
      .onConflictDoUpdate({
        target: [profiles.tenantId, profiles.engineId],
        set: { name: excluded(profiles.name), updatedAt: sql`now()` },
        setWhere: sql`${existing('profiles', profiles.name)} is distinct from ${excluded(profiles.name)}`,
      });
  }
}

async function mapProfiles(tx: Transaction, tenantId: string, engineIds: string[]) {
  const map = new Map<string, string>();
  for (const chunk of chunks([...new Set(engineIds)], 5_000)) {
    const rows = await tx
      .select({ id: profiles.id, engineId: profiles.engineId })
      .from(profiles)
      .where(and(eq(profiles.tenantId, tenantId), inArray(profiles.engineId, chunk)));
    for (const row of rows) map.set(row.engineId, row.id);
  }
  return map;
}

async function mapUsers(tx: Transaction, tenantId: string, emails: string[]) {
  const map = new Map<string, { id: string; profileId: string }>();
  for (const chunk of chunks([...new Set(emails)], 5_000)) {
    const rows = await tx
      .select({ id: users.id, email: users.email, profileId: users.profileId })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.email, chunk)));
    for (const row of rows) map.set(row.email, { id: row.id, profileId: row.profileId });
  }
  return map;
}

async function upsertUsers(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['users']>) {
  const profileIds = await mapProfiles(
    tx,
    tenantId,
    items.map((u) => u.profileId),
  );
  const directory = { name: excluded(users.name), profileId: excluded(users.profileId) };
  const directoryChanged = sql`(${existing('users', users.name)}, ${existing('users', users.profileId)})
    is distinct from (${excluded(users.name)}, ${excluded(users.profileId)})`;
  // A user item without `syncError` leaves the stored error as it is; with it, sets or clears it.
  const withError = items.filter((u) => u.syncError !== undefined);
  const withoutError = items.filter((u) => u.syncError === undefined);
  for (const chunk of chunks(sortedBy(withError, (u) => u.email))) {
    await tx
      .insert(users)
      .values(
        chunk.map((u) => ({
          tenantId,
          email: u.email,
          name: u.name,
          profileId: profileIds.get(u.profileId)!,
          syncErrorReason: u.syncError?.reason ?? null,
          syncErrorAt: u.syncError?.at ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [users.tenantId, users.email],
        set: {
          ...directory,
          syncErrorReason: excluded(users.syncErrorReason),
          syncErrorAt: excluded(users.syncErrorAt),
          updatedAt: sql`now()`,
        },
        setWhere: sql`${directoryChanged} or (${existing('users', users.syncErrorReason)}, ${existing('users', users.syncErrorAt)})
          is distinct from (${excluded(users.syncErrorReason)}, ${excluded(users.syncErrorAt)})`,
      });
  }
  for (const chunk of chunks(sortedBy(withoutError, (u) => u.email))) {
    await tx
      .insert(users)
      .values(chunk.map((u) => ({ tenantId, email: u.email, name: u.name, profileId: profileIds.get(u.profileId)! })))
      .onConflictDoUpdate({
        target: [users.tenantId, users.email],
        set: { ...directory, updatedAt: sql`now()` },
        setWhere: directoryChanged,
      });
  }
}

// The users' own choices from the add-in. A setting the user's profile forces keeps the forced
// value: the engine's report of it is ignored rather than stored for later.
async function writeUserSettings(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['users']>) {
  const reporting = items.filter((u) => u.settings && Object.keys(u.settings).length > 0);
  if (reporting.length === 0) return;
  const userIds = await mapUsers(
    tx,
    tenantId,
    reporting.map((u) => u.email),
  );
  const profileIds = [...new Set([...userIds.values()].map((u) => u.profileId))];
  const forced = new Set<string>();
  for (const chunk of chunks(profileIds, 5_000)) {
    const rows = await tx
      .select({ profileId: profileSettings.profileId, key: profileSettings.key })
      .from(profileSettings)
      .where(and(eq(profileSettings.tenantId, tenantId), inArray(profileSettings.profileId, chunk), eq(profileSettings.forced, true)));
    for (const row of rows) forced.add(`${row.profileId}/${row.key}`);
  }
  const toSet: { userId: string; key: string; value: string | boolean }[] = [];
  const toClear: { userId: string; key: string }[] = [];
  for (const item of sortedBy(reporting, (u) => u.email)) {
    const user = userIds.get(item.email)!;
    for (const key of Object.keys(item.settings!).sort()) {
      if (forced.has(`${user.profileId}/${key}`)) continue;
      const value = item.settings![key]!;
      if (value === null) toClear.push({ userId: user.id, key });
      else toSet.push({ userId: user.id, key, value });
    }
  }
  for (const chunk of chunks(toSet)) {
    await tx
      .insert(userSettings)
      .values(chunk.map((c) => ({ tenantId, userId: c.userId, key: c.key, value: c.value, origin: 'engine' as const })))
      .onConflictDoUpdate({
        target: [userSettings.tenantId, userSettings.userId, userSettings.key],
        set: { value: excluded(userSettings.value), origin: excluded(userSettings.origin), updatedAt: sql`now()` },
        // A replay changes nothing.
        setWhere: sql`${existing('user_settings', userSettings.value)} is distinct from ${excluded(userSettings.value)}`,
      });
  }
  for (const chunk of chunks(toClear)) {
    await tx.delete(userSettings).where(
      and(
        eq(userSettings.tenantId, tenantId),
        sql`(${userSettings.userId}, ${userSettings.key}) in (${sql.join(
          chunk.map((c) => sql`(${c.userId}::uuid, ${c.key})`),
          sql`, `,
        )})`,
      ),
    );
  }
}

async function upsertSessions(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['sessions']>) {
  const userIds = await mapUsers(
    tx,
    tenantId,
    items.map((s) => s.userEmail),
  );
  const logsByEngineId = new Map(items.filter((s) => s.log != null).map((s) => [s.id, s.log as string]));
  const reported = [
    syncSessions.status,
    syncSessions.endedAt,
    syncSessions.scope,
    syncSessions.changes,
    syncSessions.issues,
    syncSessions.errorCategory,
    syncSessions.errorSource,
    syncSessions.message,
    syncSessions.hasLog,
  ];
  const current = (column: PgColumn) => existing('sync_sessions', column);
  const listOf = (pick: (column: PgColumn) => SQL) => sql.join(reported.map(pick), sql`, `);
  for (const chunk of chunks(sortedBy(items, (s) => s.id))) {
    const written = await tx
      .insert(syncSessions)
      .values(
        chunk.map((s) => {
          const user = userIds.get(s.userEmail)!;
          return {
            tenantId,
            engineId: s.id,
            userId: user.id,
            profileId: user.profileId,
            startedAt: s.startedAt,
            endedAt: s.endedAt ?? null,
            status: s.status,
            scope: s.scope ?? null,
            changes: s.changes ?? null,
            issues: s.issues ?? null,
            errorCategory: s.errorCategory ?? null,
            errorSource: s.errorSource ?? null,
            message: s.message ?? null,
            hasLog: s.log != null,
          };
        }),
      )
      .onConflictDoUpdate({
        target: [syncSessions.tenantId, syncSessions.engineId],
        set: {
          status: excluded(syncSessions.status),
          endedAt: excluded(syncSessions.endedAt),
          scope: excluded(syncSessions.scope),
          changes: excluded(syncSessions.changes),
          issues: excluded(syncSessions.issues),
          errorCategory: excluded(syncSessions.errorCategory),
          errorSource: excluded(syncSessions.errorSource),
          message: excluded(syncSessions.message),
          hasLog: sql`${current(syncSessions.hasLog)} or ${excluded(syncSessions.hasLog)}`,
          updatedAt: sql`now()`,
        },
        // A final session never changes again; others only move forward.
        setWhere: sql`${current(syncSessions.status)} in ('ready', 'started')
          and ${statusRank(excluded(syncSessions.status))} >= ${statusRank(current(syncSessions.status))}
          and (${listOf(current)}) is distinct from (${listOf(excluded)})`,
      })
      .returning({ id: syncSessions.id, engineId: syncSessions.engineId, startedAt: syncSessions.startedAt });
    const logs = written
      .filter((row) => logsByEngineId.has(row.engineId))
      .map((row) => {
        const text = Buffer.from(logsByEngineId.get(row.engineId)!, 'utf8');
        return {
          tenantId,
          sessionId: row.id,
          sessionStartedAt: row.startedAt,
          deflated: deflateRawSync(text),
          sizeBytes: text.length,
          crc32: crc32(text),
        };
      });
    if (logs.length > 0) await upsertLogs(tx, logs);
  }
}

async function upsertLogs(tx: Transaction, rows: (typeof syncSessionLogs.$inferInsert)[]) {
  for (const chunk of chunks(rows, 50)) {
    await tx
      .insert(syncSessionLogs)
      .values(chunk)
      .onConflictDoUpdate({
        target: [syncSessionLogs.tenantId, syncSessionLogs.sessionId],
        set: {
          deflated: excluded(syncSessionLogs.deflated),
          sizeBytes: excluded(syncSessionLogs.sizeBytes),
          crc32: excluded(syncSessionLogs.crc32),
        },
      });
  }
}

async function upsertIssues(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['issues']>) {
  if (items.length === 0) return;
  const userIds = await mapUsers(
    tx,
    tenantId,
    items.map((i) => i.userEmail),
  );
  const sessionEngineIds = [...new Set(items.flatMap((i) => (i.sessionId ? [i.sessionId] : [])))];
  const sessionsByEngineId = new Map<string, { id: string; profileId: string }>();
  for (const chunk of chunks(sessionEngineIds, 5_000)) {
    const rows = await tx
      .select({ id: syncSessions.id, engineId: syncSessions.engineId, profileId: syncSessions.profileId })
      .from(syncSessions)
      .where(and(eq(syncSessions.tenantId, tenantId), inArray(syncSessions.engineId, chunk)));
    for (const row of rows) sessionsByEngineId.set(row.engineId, { id: row.id, profileId: row.profileId });
  }
  const reported = [
    syncIssues.occurredAt,
    syncIssues.type,
    syncIssues.direction,
    syncIssues.name,
    syncIssues.operation,
    syncIssues.errorCode,
    syncIssues.description,
    syncIssues.errorSource,
    syncIssues.targetObjectId,
    syncIssues.sessionId,
  ];
  const listOf = (pick: (column: PgColumn) => SQL) => sql.join(reported.map(pick), sql`, `);
  for (const chunk of chunks(sortedBy(items, (i) => i.id))) {
    await tx
      .insert(syncIssues)
      .values(
        chunk.map((i) => {
          const user = userIds.get(i.userEmail)!;
          const session = i.sessionId ? sessionsByEngineId.get(i.sessionId) : undefined;
          return {
            tenantId,
            engineId: i.id,
            userId: user.id,
            // The profile the user had when the session ran, else the user's current one.
            profileId: session?.profileId ?? user.profileId,
            sessionId: session?.id ?? null,
            occurredAt: i.occurredAt,
            type: i.type,
            direction: i.direction,
            name: i.name,
            operation: i.operation,
            errorCode: i.errorCode,
            description: i.description ?? null,
            errorSource: i.errorSource ?? null,
            targetObjectId: i.targetObjectId ?? null,
          };
        }),
      )
      .onConflictDoUpdate({
        target: [syncIssues.tenantId, syncIssues.engineId],
        set: {
          occurredAt: excluded(syncIssues.occurredAt),
          type: excluded(syncIssues.type),
          direction: excluded(syncIssues.direction),
          name: excluded(syncIssues.name),
          operation: excluded(syncIssues.operation),
          errorCode: excluded(syncIssues.errorCode),
          description: excluded(syncIssues.description),
          errorSource: excluded(syncIssues.errorSource),
          targetObjectId: excluded(syncIssues.targetObjectId),
          sessionId: excluded(syncIssues.sessionId),
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${listOf((c) => existing('sync_issues', c))}) is distinct from (${listOf(excluded)})`,
      });
  }
}

