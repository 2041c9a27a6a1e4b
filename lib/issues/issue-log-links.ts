import 'server-only';
// Which issues of a page can link to their session's log: those whose session has one. One
// query for the page's few sessions, not a join in the list (the CSV export reads millions).
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { inViewerScope } from '@/lib/scope/profile-scope';
import type { IssueRow } from './list-issues';

export type IssueListRow = IssueRow & { logSessionId: string | null };

export async function withLogLinks(viewer: TenantViewer, rows: IssueRow[]): Promise<IssueListRow[]> {
  const sessionIds = [...new Set(rows.flatMap((row) => (row.sessionId ? [row.sessionId] : [])))];
  const withLogs = new Set<string>();
  if (sessionIds.length > 0) {
    const found = await queryRows<{ id: string }>(
      getDatabase().db,
      sql`select s.id from sync_sessions s
          where ${inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))} and s.has_log
            and s.id in (${sql.join(sessionIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
    for (const row of found) withLogs.add(row.id);
  }
  return rows.map((row) => ({ ...row, logSessionId: row.sessionId && withLogs.has(row.sessionId) ? row.sessionId : null }));
}
