import 'server-only';
// Session logs as stored (deflated, with CRC-32 and size), a few at a time: a log can be megabytes.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { inViewerScope } from '@/lib/scope/profile-scope';

export interface StoredLog {
  sessionId: string;
  deflated: Uint8Array;
  crc32: number;
  size: number;
}

export async function readStoredLogs(viewer: TenantViewer, sessionIds: string[]): Promise<StoredLog[]> {
  if (sessionIds.length === 0) return [];
  const rows = await queryRows<{ session_id: string; deflated: Uint8Array; crc32: number | string; size_bytes: number }>(
    getDatabase().db,
    sql`select l.session_id, l.deflated, l.crc32, l.size_bytes
        from sync_session_logs l
        join sync_sessions s on s.tenant_id = l.tenant_id and s.started_at = l.session_started_at and s.id = l.session_id
        where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))}
          and l.session_id in (${sql.join(sessionIds.map((id) => sql`${id}::uuid`), sql`, `)})
        order by l.session_id`,
  );
  return rows.map((row) => ({ sessionId: row.session_id, deflated: new Uint8Array(row.deflated), crc32: Number(row.crc32), size: row.size_bytes }));
}
