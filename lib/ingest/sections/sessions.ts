import 'server-only';
// The batch's sync sessions and their logs. Sessions only move forward (ready -> started -> a
// final status) and a final one never changes again; a replay changes nothing. A log sent in the
// batch is packed and stored in the batch's transaction (lib/logs: chunked, indexed by line).
// A session keeps the id and start it was first reported with (engine-ids.ts): its key, and its
// day partition, never change.
import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { OPEN_SESSION_STATUSES, SESSION_STATUSES, sessionStatusStep } from '@/domain/sync-vocabulary';
import { syncSessions } from '@/db/schema';
import { env } from '@/config/env';
import { storeLogTexts } from '@/lib/logs/log-store';
import type { IngestBatch } from '../batch-schema';
import { chunks } from '@/db/chunked';
import { SESSION_ENGINE_IDS } from '@/lib/partitions/day-partitioned-tables';
import { excluded, sortedBy, upsertColumns } from './batch-rows';
import { mapUsers } from './directory-lookups';
import { registerEngineIds } from './engine-ids';

const reported = upsertColumns(syncSessions, {
  status: syncSessions.status,
  endedAt: syncSessions.endedAt,
  scope: syncSessions.scope,
  changes: syncSessions.changes,
  issues: syncSessions.issues,
  errorCategory: syncSessions.errorCategory,
  errorSource: syncSessions.errorSource,
  message: syncSessions.message,
  hasLog: syncSessions.hasLog,
});
// Sessions only move forward, in the vocabulary's steps (ready 0, started 1, final 2).
const statusStep = (status: SQL): SQL =>
  sql`(case ${status} ${sql.join(
    SESSION_STATUSES.map((value) => sql.raw(`when '${value}' then ${sessionStatusStep(value)}`)),
    sql` `,
  )} end)`;
const stillOpen = (status: SQL): SQL => sql`${status} in (${sql.raw(OPEN_SESSION_STATUSES.map((value) => `'${value}'`).join(', '))})`;

export async function upsertSessions(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['sessions']>): Promise<void> {
  const userIds = await mapUsers(
    tx,
    tenantId,
    items.map((s) => s.userEmail),
  );
  const logsByEngineId = new Map(items.filter((s) => s.log != null).map((s) => [s.id, s.log as string]));
  const currentStatus = reported.stored(syncSessions.status);
  for (const chunk of chunks(sortedBy(items, (s) => s.id))) {
    const places = await registerEngineIds(tx, tenantId, SESSION_ENGINE_IDS, chunk.map((s) => ({ engineId: s.id, at: s.startedAt })));
    const written = await tx
      .insert(syncSessions)
      .values(
        chunk.map((s) => {
          const user = userIds.get(s.userEmail)!;
          const place = places.get(s.id)!;
          return {
            tenantId,
            id: place.id,
            engineId: s.id,
            userId: user.id,
            profileId: user.profileId,
            startedAt: sql`${place.at}::timestamptz`,
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
        target: [syncSessions.tenantId, syncSessions.startedAt, syncSessions.id],
        set: {
          ...reported.set,
          // A log once stored stays: a later report without one does not remove it.
          hasLog: sql`${reported.stored(syncSessions.hasLog)} or ${excluded(syncSessions.hasLog)}`,
          updatedAt: sql`now()`,
        },
        // A final session never changes again; others only move forward.
        setWhere: sql`${stillOpen(currentStatus)}
          and ${statusStep(excluded(syncSessions.status))} >= ${statusStep(currentStatus)}
          and ${reported.changed}`,
      })
      .returning({ id: syncSessions.id, engineId: syncSessions.engineId, startedAt: syncSessions.startedAt });
    const logs = written.flatMap((row) => {
      const text = logsByEngineId.get(row.engineId);
      return text === undefined ? [] : [{ owner: { tenantId, sessionId: row.id, sessionStartedAt: row.startedAt }, text: Buffer.from(text, 'utf8') }];
    });
    await storeLogTexts(tx, logs, env().LOG_MAX_BYTES);
  }
}
