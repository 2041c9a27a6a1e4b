import 'server-only';
// Every reference of a batch must name a profile, user or session of the token's own tenant,
// in the batch itself or already stored. All problems are found before anything is written.
import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { readInChunks } from '@/db/chunked';
import type { Database } from '@/db/client';
import { profiles, syncRequests, syncSessionEngineIds, users } from '@/db/schema';
import { reportedPresent, reportedRemoved, type IngestBatch } from './batch-schema';

type Reader = Pick<Database, 'select'>;

export interface IngestProblem {
  path: string;
  message: string;
}

/** Items the batch cannot apply to the tenant's directory, each by path: 422, nothing written. */
export class IngestReferenceError extends Error {
  constructor(
    readonly problems: IngestProblem[],
    readonly summary = 'The batch names profiles, users or sessions unknown to this tenant; nothing was written.',
  ) {
    super(`${problems.length} unknown reference(s) in the batch`);
    this.name = 'IngestReferenceError';
  }
}

async function findStored(
  db: Reader,
  table: PgTable & { tenantId: PgColumn },
  key: PgColumn,
  tenantId: string,
  wanted: Set<string>,
): Promise<Set<string>> {
  const rows = await readInChunks(wanted, (chunk) =>
    db
      .select({ value: key })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), inArray(key, chunk))),
  );
  return new Set(rows.map((row) => row.value as string));
}

export async function findUnknownReferences(db: Reader, tenantId: string, batch: IngestBatch): Promise<IngestProblem[]> {
  const problems: IngestProblem[] = [];
  const batchProfiles = new Set((batch.profiles ?? []).map((p) => p.id));
  const batchUsers = new Set((batch.users ?? []).map((u) => u.email));
  const batchSessions = new Set((batch.sessions ?? []).map((s) => s.id));

  const presentUsers = (batch.users ?? []).filter(reportedPresent);
  const profileRefs = new Set(presentUsers.map((u) => u.profileId).filter((id) => !batchProfiles.has(id)));
  const userRefs = new Set(
    [...(batch.sessions ?? []), ...(batch.issues ?? [])].map((x) => x.userEmail).filter((e) => !batchUsers.has(e)),
  );
  // What the engine reports removed must be there to remove (a replay finds it removed already).
  const removedProfiles = (batch.profiles ?? []).filter(reportedRemoved).map((p) => p.id);
  const removedUsers = (batch.users ?? []).filter(reportedRemoved).map((u) => u.email);
  for (const id of removedProfiles) profileRefs.add(id);
  for (const email of removedUsers) userRefs.add(email);
  const sessionRefs = new Set(
    (batch.issues ?? []).flatMap((i) => (i.sessionId && !batchSessions.has(i.sessionId) ? [i.sessionId] : [])),
  );

  const storedProfiles = await findStored(db, profiles, profiles.engineId, tenantId, profileRefs);
  const storedUsers = await findStored(db, users, users.email, tenantId, userRefs);
  const storedSessions = await findStored(db, syncSessionEngineIds, syncSessionEngineIds.engineId, tenantId, sessionRefs);

  // A session answering a Sync now request names one of the tenant's requests, for its own user.
  const requestIds = new Set((batch.sessions ?? []).flatMap((s) => (s.requestId ? [s.requestId] : [])));
  const requestUsers = new Map(
    (
      await readInChunks(requestIds, (chunk) =>
        db
          .select({ id: syncRequests.id, email: users.email })
          .from(syncRequests)
          .innerJoin(users, and(eq(users.tenantId, syncRequests.tenantId), eq(users.id, syncRequests.userId)))
          .where(and(eq(syncRequests.tenantId, tenantId), inArray(syncRequests.id, chunk))),
      )
    ).map((row) => [row.id, row.email]),
  );

  const removedProfileSet = new Set(removedProfiles);
  const removedUserSet = new Set(removedUsers);
  const knownProfile = (id: string) => (batchProfiles.has(id) && !removedProfileSet.has(id)) || storedProfiles.has(id);
  const knownUser = (email: string) => (batchUsers.has(email) && !removedUserSet.has(email)) || storedUsers.has(email);

  (batch.profiles ?? []).forEach((profile, index) => {
    if (profile.removed && !storedProfiles.has(profile.id)) problems.push({ path: `profiles[${index}].id`, message: `unknown profile "${profile.id}"` });
  });
  const knownSession = (id: string) => batchSessions.has(id) || storedSessions.has(id);

  (batch.users ?? []).forEach((user, index) => {
    if (user.removed) {
      if (!storedUsers.has(user.email)) problems.push({ path: `users[${index}].email`, message: `unknown user "${user.email}"` });
    } else if (!knownProfile(user.profileId)) problems.push({ path: `users[${index}].profileId`, message: `unknown profile "${user.profileId}"` });
  });
  (batch.sessions ?? []).forEach((session, index) => {
    if (!knownUser(session.userEmail))
      problems.push({ path: `sessions[${index}].userEmail`, message: `unknown user "${session.userEmail}"` });
    if (session.requestId) {
      const requestedFor = requestUsers.get(session.requestId);
      if (requestedFor === undefined) problems.push({ path: `sessions[${index}].requestId`, message: `unknown sync request "${session.requestId}"` });
      else if (requestedFor !== session.userEmail) problems.push({ path: `sessions[${index}].requestId`, message: `sync request "${session.requestId}" is for another user` });
    }
  });
  (batch.issues ?? []).forEach((issue, index) => {
    if (!knownUser(issue.userEmail))
      problems.push({ path: `issues[${index}].userEmail`, message: `unknown user "${issue.userEmail}"` });
    if (issue.sessionId && !knownSession(issue.sessionId))
      problems.push({ path: `issues[${index}].sessionId`, message: `unknown session "${issue.sessionId}"` });
  });
  return problems;
}
