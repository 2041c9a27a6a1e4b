import 'server-only';
// Every download is audited before its first byte: who exported what, when, with which period
// and filters — an export is personal data leaving the system. Only the parameters downloads
// understand are recorded (already validated: no control characters reach the audit), and a
// selection by its size, not its ids.
import { getDatabase } from '@/db/client';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { CONTROL_CHARACTERS } from '@/lib/text/unsafe-characters';

export interface DownloadAudit {
  target: { type: 'user' | 'profile'; id: string; label: string };
  /** The download's request: its query is recorded. */
  request: Request;
}

const MAX_QUERY_LENGTH = 500;

const DOWNLOAD_PARAMETERS = ['from', 'to', 'status', 'errorSource', 'errorCategory', 'type', 'operation', 'code', 'ids'];

/** The download's own parameters as the admin gave them, a selection counted instead of listed. */
function describeDownloadQuery(url: string): string {
  const given = new URL(url).searchParams;
  const parts: string[] = [];
  for (const name of DOWNLOAD_PARAMETERS) {
    const value = given.get(name);
    if (!value) continue;
    parts.push(`${name}=${name === 'ids' ? `${value.split(',').filter(Boolean).length} selected` : value.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '')}`);
  }
  return parts.join('&').slice(0, MAX_QUERY_LENGTH) || 'all';
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
