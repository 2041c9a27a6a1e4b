import 'server-only';
// Session logs as stored, a few at a time, for ZIP entries: what the entry's headers need (size,
// compressed size, CRC-32) and the chunks holding the compressed text, read as the entry is
// written — a log can be gigabytes.
import { sql } from 'drizzle-orm';
import { instantList } from '@/lib/partitions/instant-list';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { deflatedChunks, type StoredLogText } from '@/lib/logs/log-store';
import { inViewerScope } from '@/lib/scope/profile-scope';

export interface StoredLog {
  sessionId: string;
  text: StoredLogText;
  deflatedBytes: number;
  crc32: number;
  size: number;
}

/** The stored logs of these sessions (by id and start: the start picks the partitions to read). */
export async function readStoredLogs(viewer: TenantViewer, sessions: { id: string; startedAt: Date }[]): Promise<StoredLog[]> {
  if (sessions.length === 0) return [];
  const starts = instantList(sessions.map((session) => session.startedAt));
  const rows = await queryRows<{ session_id: string; session_started_at: Date | string; upload_id: string; deflated_bytes: number | string; crc32: number | string; size_bytes: number | string }>(
    getDatabase().db,
    sql`select l.session_id, l.session_started_at, l.upload_id, l.deflated_bytes, l.crc32, l.size_bytes
        from sync_sessions s
        join sync_session_logs l on l.tenant_id = s.tenant_id and l.session_started_at = s.started_at and l.session_id = s.id
        where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))}
          and l.upload_id is not null
          and s.started_at in (${starts}) and l.session_started_at in (${starts})
          and s.id in (${sql.join(sessions.map((session) => sql`${session.id}::uuid`), sql`, `)})
        order by l.session_id`,
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    text: { tenantId: viewer.tenantId, sessionId: row.session_id, sessionStartedAt: new Date(row.session_started_at), uploadId: row.upload_id },
    deflatedBytes: Number(row.deflated_bytes),
    crc32: Number(row.crc32),
    size: Number(row.size_bytes),
  }));
}

/** A stored log as a ZIP entry whose compressed bytes are read chunk by chunk as it is written. */
export function logZipEntry(log: StoredLog, name: string, modifiedAt: Date) {
  return { name, modifiedAt, deflated: deflatedChunks(getDatabase().db, log.text, log.deflatedBytes), deflatedBytes: log.deflatedBytes, crc32: log.crc32, size: log.size };
}
