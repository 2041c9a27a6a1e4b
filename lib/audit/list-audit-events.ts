import 'server-only';
// One page of the audit log: a platform admin reads their own tenant's; support reads the
// changes support makes, across tenants. Newest first, keyset-paged on (occurred_at, id).
import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { auditEvents, tenants } from '@/db/schema';
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { forbiddenError } from '@/lib/http/errors';
import { CURSOR_VALUES, decodeCursor, encodeCursor, type PageSize } from '@/lib/paging/cursor';
import type { TimeRange } from '@/lib/time/parse-instant';
import { AUDIT_ACTIONS, SUPPORT_AUDIT_ACTIONS, type AuditAction } from './audit-actions';

export interface AuditEventRow {
  id: string;
  occurredAt: string;
  tenantName: string;
  actorLabel: string;
  action: AuditAction;
  actionLabel: string;
  targetType: string;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditEventsPage {
  rows: AuditEventRow[];
  nextCursor: string | null;
}

const cursorSchema = z.object({ at: CURSOR_VALUES.instant, id: z.uuid() });

export async function listAuditEvents({
  viewer,
  range,
  action,
  cursor,
  pageSize,
}: {
  viewer: TenantViewer | SupportViewer;
  range: TimeRange;
  action: AuditAction | null;
  cursor: string | null;
  pageSize: PageSize;
}): Promise<AuditEventsPage> {
  const conditions: SQL[] = [];
  if (viewer.role === 'support') {
    conditions.push(inArray(auditEvents.action, action ? [action].filter((a) => SUPPORT_AUDIT_ACTIONS.includes(a)) : SUPPORT_AUDIT_ACTIONS));
  } else {
    if (viewer.role !== 'platform_admin') throw forbiddenError('Only platform admins read the audit log.');
    conditions.push(eq(auditEvents.tenantId, viewer.tenantId));
    if (action) conditions.push(eq(auditEvents.action, action));
  }
  if (range.from) conditions.push(gte(auditEvents.occurredAt, range.from));
  if (range.to) conditions.push(lt(auditEvents.occurredAt, range.to));
  const after = decodeCursor(cursor, cursorSchema);
  if (after) {
    const at = new Date(after.at);
    conditions.push(or(lt(auditEvents.occurredAt, at), and(eq(auditEvents.occurredAt, at), lt(auditEvents.id, after.id)))!);
  }
  const rows = await getDatabase()
    .db.select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      tenantName: tenants.name,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .innerJoin(tenants, eq(tenants.id, auditEvents.tenantId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => ({
      ...row,
      occurredAt: row.occurredAt.toISOString(),
      action: row.action as AuditAction,
      actionLabel: AUDIT_ACTIONS[row.action as AuditAction] ?? row.action,
    })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: last.occurredAt.toISOString(), id: last.id }) : null,
  };
}

