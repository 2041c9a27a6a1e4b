// A stored log's whole text, read back from its chunks (tests only: a real log is read by range).
import { sql } from 'drizzle-orm';
import { inflateRawSync } from 'node:zlib';
import { queryRows, type Database } from '@/db/client';
import { deflatedChunks } from '@/lib/logs/log-store';

export async function storedLogText(db: Database, tenantId: string, sessionId: string): Promise<string | null> {
  const [row] = await queryRows<{ session_started_at: Date | string; upload_id: string | null }>(
    db,
    sql`select session_started_at, upload_id from sync_session_logs where tenant_id = ${tenantId}::uuid and session_id = ${sessionId}::uuid`,
  );
  if (!row?.upload_id) return null;
  const parts: Uint8Array[] = [];
  for await (const part of deflatedChunks(db, { tenantId, sessionId, sessionStartedAt: new Date(row.session_started_at), uploadId: row.upload_id })) parts.push(part);
  return inflateRawSync(Buffer.concat(parts)).toString('utf8');
}
