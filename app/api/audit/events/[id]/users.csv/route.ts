// GET /api/audit/events/{id}/users.csv — the users one bulk action changed (platform admins,
// their own tenant's audit events), as CSV.
import { getBulkAuditEvent } from '@/lib/audit/audit-event-users';
import { auditUsersCsv } from '@/lib/exports/audit-users-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ role: 'platform_admin' }, async (_request, { viewer, params, query }) => {
  const event = await getBulkAuditEvent(viewer, (await params).id);
  return streamDownload(auditUsersCsv(viewer, event), {
    filename: `users of ${event.actionLabel.toLowerCase()} ${event.occurredAt.toISOString().slice(0, 19).replace(/:/g, '-')}Z.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'tenant', id: viewer.tenantId, label: `Users of audit event ${event.id}` }, query },
  });
});
