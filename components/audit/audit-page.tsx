// One audit page for a viewer (platform admin or support), as the page loaded it
// (lib/audit/load-audit-log.ts).
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { AUDIT_ACTION_KEYS, SUPPORT_AUDIT_ACTIONS } from '@/lib/audit/audit-actions';
import type { AuditLogData } from '@/lib/audit/load-audit-log';
import { AuditLogView } from './audit-log-view';

export function AuditPage({ viewer, data, title }: { viewer: TenantViewer | SupportViewer; data: AuditLogData; title: string }) {
  const support = viewer.role === 'support';
  return <AuditLogView title={title} showTenant={support} actions={support ? SUPPORT_AUDIT_ACTIONS : AUDIT_ACTION_KEYS} params={data.params} now={data.now} result={data.result} />;
}
