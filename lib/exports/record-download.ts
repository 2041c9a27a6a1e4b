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
  target: { type: 'user' | 'profile' | 'tenant'; id: string; label: string };
  /** The download's query (the URL's, or a POSTed form's): its own parameters are recorded. */
  query: URLSearchParams;
}

const MAX_QUERY_LENGTH = 500;

const DOWNLOAD_PARAMETERS = ['from', 'to', 'status', 'reason', 'q', 'errorSource', 'errorCategory', 'user', 'type', 'operation', 'code', 'ids', 'except'];
const SELECTIONS: Record<string, string> = { ids: 'selected', except: 'left out' };

/** The download's own parameters as the admin gave them, a selection counted instead of listed. */
function describeDownloadQuery(given: URLSearchParams): string {
  const parts: string[] = [];
  for (const name of DOWNLOAD_PARAMETERS) {
    const value = given.get(name);
    if (!value) continue;
    const selection = SELECTIONS[name];
    parts.push(`${name}=${selection ? `${value.split(',').filter(Boolean).length} ${selection}` : value.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '')}`);
  }
  return parts.join('&').slice(0, MAX_QUERY_LENGTH) || 'all';
}

export async function recordDownload(viewer: TenantViewer, filename: string, { target, query }: DownloadAudit): Promise<void> {
  await recordAuditEvent(getDatabase().db, {
    tenantId: viewer.tenantId,
    actor: actorOf(viewer),
    action: 'export.download',
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label,
    after: { file: filename, query: describeDownloadQuery(query) },
  });
}
