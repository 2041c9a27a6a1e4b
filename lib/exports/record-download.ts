import 'server-only';
// Every download is audited before its first byte: who exported what, when, with which period
// and filters — an export is personal data leaving the system. A selection is recorded by its
// size, not its ids.
import { getDatabase } from '@/db/client';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';

export interface DownloadAudit {
  target: { type: 'user' | 'profile'; id: string; label: string };
  /** The download's request: its query is recorded. */
  request: Request;
}

const MAX_QUERY_LENGTH = 500;

/** The query as the admin gave it, a selection counted instead of listed. */
export function describeDownloadQuery(url: string): string {
  const query = new URL(url).searchParams;
  const ids = query.get('ids');
  if (ids !== null) query.set('ids', `${ids.split(',').filter(Boolean).length} selected`);
  return decodeURIComponent(query.toString().replace(/\+/g, ' ')).slice(0, MAX_QUERY_LENGTH) || 'all';
}

export async function recordDownload(viewer: TenantViewer, filename: string, { target, request }: DownloadAudit): Promise<void> {
  await recordAuditEvent(getDatabase().db, {
    tenantId: viewer.tenantId,
    actor: actorOf(viewer),
    action: 'export.download',
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label,
    after: { file: filename, query: describeDownloadQuery(request.url) },
  });
}
