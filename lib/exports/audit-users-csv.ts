import 'server-only';
// The users of one bulk audit event as CSV (lib/audit/audit-event-users.ts), under the CSV rules
// of every download.
import type { TenantViewer } from '@/lib/auth/viewer';
import { readAuditEventUsers, type BulkAuditEvent } from '@/lib/audit/audit-event-users';
import { EFFECTIVE_SYNC_STATUS_LABELS, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status-labels';
import { csvRows, UTF8_BOM } from './csv';

export const AUDIT_USERS_CSV_HEADER = ['User ID', 'Name', 'Email', 'Effective synchronization status before'];

export async function* auditUsersCsv(viewer: TenantViewer, event: BulkAuditEvent): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([AUDIT_USERS_CSV_HEADER]);
  for await (const batch of readAuditEventUsers(viewer, event)) {
    yield csvRows(batch.map((u) => [u.userId, u.name, u.email, EFFECTIVE_SYNC_STATUS_LABELS[u.statusBefore as EffectiveSyncStatus] ?? u.statusBefore]));
  }
}
