import 'server-only';
// Sessions that answer a Sync now request (`sessions[].requestId`): the request records the
// first session that answered it, and keeps it (a replay, or a second session naming the same
// request, changes nothing). Checked beforehand: the request is the tenant's, for the session's
// user (resolve-references.ts). In request order, like every section, so batches cannot deadlock.
import { sql } from 'drizzle-orm';
import { chunks } from '@/db/chunked';
import type { Transaction } from '@/db/run-transaction';
import type { IngestBatch } from '../batch-schema';
import { sortedBy } from './batch-rows';

export async function answerSyncRequests(tx: Transaction, tenantId: string, items: NonNullable<IngestBatch['sessions']>): Promise<void> {
  const answers = sortedBy(
    items.filter((s) => s.requestId),
    (s) => s.requestId!,
  );
  for (const chunk of chunks(answers)) {
    const pairs = sql.join(
      chunk.map((s) => sql`(${s.requestId}::uuid, ${s.id})`),
      sql`, `,
    );
    await tx.execute(sql`update sync_requests r set session_id = s.session_id, session_started_at = s.started_at, answered_at = now()
      from (values ${pairs}) as a(request_id, engine_id)
      join sync_session_engine_ids s on s.tenant_id = ${tenantId}::uuid and s.engine_id = a.engine_id
      where r.tenant_id = ${tenantId}::uuid and r.id = a.request_id and r.session_id is null`);
  }
}
