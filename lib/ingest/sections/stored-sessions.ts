import 'server-only';
// The tenant's stored sessions by the engine's ids (through their map: the partitioned sessions
// have no index on the engine's id), with what an issue naming one takes from it.
import { and, eq, inArray } from 'drizzle-orm';
import { sessionOfEngineId } from '@/lib/partitions/engine-id-joins';
import { readInChunks } from '@/db/chunked';
import type { Transaction } from '@/db/run-transaction';
import { syncSessionEngineIds, syncSessions } from '@/db/schema';

export async function findStoredSessions(tx: Transaction, tenantId: string, engineIds: string[]): Promise<Map<string, { id: string; profileId: string }>> {
  const rows = await readInChunks(engineIds, (chunk) =>
    tx
      .select({ engineId: syncSessionEngineIds.engineId, id: syncSessions.id, profileId: syncSessions.profileId })
      .from(syncSessionEngineIds)
      .innerJoin(syncSessions, sessionOfEngineId)
      .where(and(eq(syncSessionEngineIds.tenantId, tenantId), inArray(syncSessionEngineIds.engineId, chunk))),
  );
  return new Map(rows.map((row) => [row.engineId, { id: row.id, profileId: row.profileId }]));
}
