import 'server-only';
// The batch's sync issues, each kept with the profile its user had when its session ran (else
// the user's current profile); a replay changes nothing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { syncIssues, syncSessions } from '@/db/schema';
import type { IngestBatch } from '../batch-schema';
import { chunks, readInChunks } from '@/db/chunked';
import { sortedBy, upsertColumns } from './batch-rows';
import { mapUsers } from './directory-lookups';

const reported = upsertColumns(syncIssues, {
  occurredAt: syncIssues.occurredAt,
  type: syncIssues.type,
  direction: syncIssues.direction,
  name: syncIssues.name,
  operation: syncIssues.operation,
  errorCode: syncIssues.errorCode,
  description: syncIssues.description,
  errorSource: syncIssues.errorSource,
  targetObjectId: syncIssues.targetObjectId,
  sessionId: syncIssues.sessionId,
});

async function mapSessions(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, { id: string; profileId: string }>> {
  const rows = await readInChunks(engineIds, (chunk) =>
    tx
      .select({ id: syncSessions.id, engineId: syncSessions.engineId, profileId: syncSessions.profileId })
      .from(syncSessions)
      .where(and(eq(syncSessions.tenantId, tenantId), inArray(syncSessions.engineId, chunk))),
  );
  return new Map(rows.map((row) => [row.engineId, { id: row.id, profileId: row.profileId }]));
}

export async function upsertIssues(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['issues']>): Promise<void> {
  if (items.length === 0) return;
  const userIds = await mapUsers(
    tx,
    tenantId,
    items.map((i) => i.userEmail),
  );
  const sessionsByEngineId = await mapSessions(
    tx,
    tenantId,
    items.flatMap((i) => (i.sessionId ? [i.sessionId] : [])),
  );
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
        set: { ...reported.set, updatedAt: sql`now()` },
        setWhere: reported.changed,
      });
  }
}
