import 'server-only';
// The users one bulk audit event changed (audit_event_users), for its download: a platform
// admin's own tenant's events only, read by email in batches, never all at once.
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { auditEvents, auditEventUsers } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { forbiddenError, notFoundError } from '@/lib/http/errors';
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions';

export interface AuditEventUser {
  email: string;
  userId: string;
  name: string;
  statusBefore: string;
}

export interface BulkAuditEvent {
  id: string;
  occurredAt: Date;
  actionLabel: string;
}

/** The event, if it is one of the viewer's tenant's with a list of users; otherwise "not found". */
export async function getBulkAuditEvent(viewer: TenantViewer, eventId: string): Promise<BulkAuditEvent> {
  if (viewer.role !== 'platform_admin') throw forbiddenError('Only platform admins read the audit log.');
  if (!z.uuid().safeParse(eventId).success) throw notFoundError('No such audit event.');
  const [event] = await getDatabase()
    .db.select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, viewer.tenantId), eq(auditEvents.id, eventId), eq(auditEvents.targetType, 'users')))
    .limit(1);
  if (!event) throw notFoundError('No such audit event.');
  return { id: event.id, occurredAt: event.occurredAt, actionLabel: AUDIT_ACTIONS[event.action as AuditAction] ?? event.action };
}

/** The event's users by email, `batchSize` at a time. */
export async function* readAuditEventUsers(viewer: TenantViewer, event: BulkAuditEvent, batchSize = 1_000): AsyncGenerator<AuditEventUser[]> {
  let after: string | null = null;
  for (;;) {
    const conditions = [eq(auditEventUsers.tenantId, viewer.tenantId), eq(auditEventUsers.eventId, event.id)];
    if (after !== null) conditions.push(gt(auditEventUsers.email, after));
    const rows: AuditEventUser[] = await getDatabase()
      .db.select({ email: auditEventUsers.email, userId: auditEventUsers.userId, name: auditEventUsers.name, statusBefore: auditEventUsers.statusBefore })
      .from(auditEventUsers)
      .where(and(...conditions))
      .orderBy(asc(auditEventUsers.email))
      .limit(batchSize);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.email;
  }
}
