import 'server-only';
// The batch's sync issues, each kept with the profile its user had when its session ran (else
// the user's current profile); a replay changes nothing. An issue reported at another time than
// stored moves to that time's day partition first (its key holds the time).
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/run-transaction';
import { queryRows } from '@/db/client';
import { syncIssues } from '@/db/schema';
import type { IngestBatch } from '../batch-schema';
import { chunks, readInChunks } from '@/db/chunked';
import { ISSUE_ENGINE_IDS } from '@/lib/partitions/day-partitioned-tables';
import { sortedBy, upsertColumns } from './batch-rows';
import { mapUsers } from './directory-lookups';
import { registerEngineIds } from './engine-ids';
import { findStoredSessions } from './stored-sessions';

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

/** Moves the issues stored at another time than reported (row and map) to the reported one. */
async function moveReportedTimes(tx: Transaction, tenantId: string, chunk: NonNullable<IngestBatch['issues']>): Promise<void> {
  const reportedTimes = sql.join(chunk.map((i) => sql`(${i.id}, ${i.occurredAt}::timestamptz)`), sql`, `);
  const moves = await queryRows<{ issue_id: string; stored: string; reported: string }>(
    tx,
    sql`select m.issue_id, m.occurred_at::text as stored, r.at::text as reported
        from sync_issue_engine_ids m join (values ${reportedTimes}) as r(engine_id, at) on m.engine_id = r.engine_id
        where m.tenant_id = ${tenantId}::uuid and m.occurred_at <> r.at order by m.issue_id`,
  );
  if (moves.length === 0) return;
  const moved = sql.join(moves.map((m) => sql`(${m.issue_id}::uuid, ${m.stored}::timestamptz, ${m.reported}::timestamptz)`), sql`, `);
  await tx.execute(sql`update sync_issues i set occurred_at = v.reported, updated_at = now()
      from (values ${moved}) as v(id, stored, reported)
      where i.tenant_id = ${tenantId}::uuid and i.occurred_at = v.stored and i.id = v.id`);
  await tx.execute(sql`update sync_issue_engine_ids m set occurred_at = v.reported
      from (values ${moved}) as v(id, stored, reported)
      where m.tenant_id = ${tenantId}::uuid and m.issue_id = v.id and m.occurred_at = v.stored`);
}

export async function upsertIssues(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['issues']>): Promise<void> {
  if (items.length === 0) return;
  const userIds = await mapUsers(
    tx,
    tenantId,
    items.map((i) => i.userEmail),
  );
  const sessionsByEngineId = await findStoredSessions(
    tx,
    tenantId,
    items.flatMap((i) => (i.sessionId ? [i.sessionId] : [])),
  );
  for (const chunk of chunks(sortedBy(items, (i) => i.id))) {
    await moveReportedTimes(tx, tenantId, chunk);
    const places = await registerEngineIds(tx, tenantId, ISSUE_ENGINE_IDS, chunk.map((i) => ({ engineId: i.id, at: i.occurredAt })));
    await tx
      .insert(syncIssues)
      .values(
        chunk.map((i) => {
          const user = userIds.get(i.userEmail)!;
          const session = i.sessionId ? sessionsByEngineId.get(i.sessionId) : undefined;
          return {
            tenantId,
            id: places.get(i.id)!.id,
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
        target: [syncIssues.tenantId, syncIssues.occurredAt, syncIssues.id],
        set: { ...reported.set, updatedAt: sql`now()` },
        setWhere: reported.changed,
      });
  }
}
