import 'server-only';
// Checks on session ids named in a URL: each must be a session of the viewer's scope (and of
// the given user): otherwise "not found", never revealing another tenant's ids.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { notFoundError } from '@/lib/http/errors';
import { inViewerScope } from '@/lib/scope/profile-scope';

export async function assertSessionsOfUser(viewer: TenantViewer, userId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const [row] = await queryRows<{ n: number }>(
    getDatabase().db,
    sql`select count(*)::int as n from sync_sessions s
        where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))} and s.user_id = ${userId}::uuid
          and s.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  if ((row?.n ?? 0) !== ids.length) throw notFoundError('A selected session is not a session of this user.');
}

export async function getSessionForLog(viewer: TenantViewer, sessionId: string): Promise<{ id: string; hasLog: boolean; userId: string; userName: string; startedAt: string }> {
  if (!z.uuid().safeParse(sessionId).success) throw notFoundError('No such session.');
  const [row] = await queryRows<{ id: string; has_log: boolean; user_id: string; user_name: string; started_at: Date | string }>(
    getDatabase().db,
    sql`select s.id, s.has_log, s.user_id, u.name as user_name, s.started_at from sync_sessions s
        join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
        where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))} and s.id = ${sessionId}::uuid`,
  );
  if (!row) throw notFoundError('No such session.');
  return { id: row.id, hasLog: row.has_log, userId: row.user_id, userName: row.user_name, startedAt: new Date(row.started_at).toISOString() };
}
