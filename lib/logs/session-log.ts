import 'server-only';
// A session and its log as the viewer may see them: the one lookup of the log viewer's page and
// its APIs. Outside the viewer's scope (another tenant, a profile out of reach) a session is
// "not found", as in every other place.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { notFoundError } from '@/lib/http/errors';
import { inViewerScope } from '@/lib/scope/profile-scope';
import { toSessionRow, type RawSession, type SessionRow } from '@/lib/sessions/list-sessions';
import type { ErrorPattern } from './log-levels';
import { chunkSource, type StoredLogText } from './log-store';
import type { ChunkSource } from './log-reader';

export interface StoredLogFacts {
  sizeBytes: number;
  lineCount: number;
  firstErrorLine: number | null;
  errorPatterns: ErrorPattern[];
  text: StoredLogText;
}

export interface SessionWithLog {
  session: SessionRow & { profileId: string; profileName: string };
  log: StoredLogFacts | null;
}

type Row = RawSession & {
  profile_id: string;
  profile_name: string;
  tenant_id: string;
  upload_id: string | null;
  size_bytes: number | string | null;
  line_count: number | string | null;
  first_error_line: number | string | null;
  error_patterns: ErrorPattern[] | string | null;
};

export async function findSessionWithLog(viewer: TenantViewer, sessionId: string): Promise<SessionWithLog> {
  if (!z.uuid().safeParse(sessionId).success) throw notFoundError('No such session.');
  const [row] = await queryRows<Row>(
    getDatabase().db,
    sql`select s.id, s.user_id, u.name as user_name, u.email as user_email, s.started_at, s.ended_at, s.status, s.scope, s.changes,
               s.issues, s.error_category, s.error_source, s.message, s.has_log, s.profile_id, p.name as profile_name, s.tenant_id,
               l.upload_id, l.size_bytes, l.line_count, l.first_error_line, l.error_patterns
        from sync_sessions s
        join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
        join profiles p on p.tenant_id = s.tenant_id and p.id = s.profile_id
        left join sync_session_logs l on l.tenant_id = s.tenant_id and l.session_started_at = s.started_at and l.session_id = s.id and l.upload_id is not null
        where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))} and s.id = ${sessionId}::uuid`,
  );
  if (!row) throw notFoundError('No such session.');
  const session = { ...toSessionRow(row), profileId: row.profile_id, profileName: row.profile_name };
  if (!row.upload_id) return { session, log: null };
  return {
    session,
    log: {
      sizeBytes: Number(row.size_bytes),
      lineCount: Number(row.line_count),
      firstErrorLine: row.first_error_line === null ? null : Number(row.first_error_line),
      errorPatterns: typeof row.error_patterns === 'string' ? JSON.parse(row.error_patterns) : (row.error_patterns ?? []),
      text: { tenantId: row.tenant_id, sessionId: row.id, sessionStartedAt: new Date(row.started_at), uploadId: row.upload_id },
    },
  };
}

/** The session's log, or a 404 saying it has none. */
export async function requireSessionLog(viewer: TenantViewer, sessionId: string): Promise<SessionWithLog & { log: StoredLogFacts }> {
  const found = await findSessionWithLog(viewer, sessionId);
  if (!found.log) throw notFoundError('This session has no log.');
  return found as SessionWithLog & { log: StoredLogFacts };
}

export const storedLogSource = (log: StoredLogFacts): ChunkSource => chunkSource(getDatabase().db, log.text);
