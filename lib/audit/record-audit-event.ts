import 'server-only';
// Writes one audit event, inside the transaction of the change it records.
import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction } from './audit-actions';

type Writer = Pick<Database, 'insert'>;

export interface AuditActor {
  adminId: string | null;
  label: string;
}

export const COMMAND_LINE_ACTOR: AuditActor = { adminId: null, label: 'command line' };
/** Changes the sync engine's batches make to the directory (users and profiles removed or back). */
export const SYNC_ENGINE_ACTOR: AuditActor = { adminId: null, label: 'sync engine' };

export function actorOf(viewer: Viewer): AuditActor {
  return { adminId: viewer.adminId, label: viewer.email };
}

export type AuditTargetType = 'tenant' | 'admin' | 'profile' | 'user' | 'users' | 'token' | 'issuer' | 'error_category' | 'alert_rule' | 'alert_channel';

export interface AuditEventInput {
  tenantId: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function recordAuditEvent(db: Writer, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    tenantId: event.tenantId,
    // Millisecond precision, like every time the panel pages by.
    occurredAt: new Date(),
    actorAdminId: event.actor.adminId,
    actorLabel: event.actor.label,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    targetLabel: event.targetLabel ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason ?? null,
  });
}
