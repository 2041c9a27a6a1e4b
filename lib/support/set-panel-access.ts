import 'server-only';
// Grant or revoke a tenant's panel access, with a reason, audited in the same transaction.
// A revoke reaches signed-in admins at their next request (the data layer reads it each time)
// and ends their sessions: a later grant does not bring an old cookie back to life.
import { eq } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { tenants } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { endTenantSessions } from '@/lib/auth/admin-sessions';
import { badRequest, notFoundError } from '@/lib/http/errors';
import { assertSupport, type SupportPrincipal } from './support-principal';

export async function setTenantPanelAccess({
  by,
  tenantId,
  granted,
  reason,
}: {
  by: SupportPrincipal;
  tenantId: string;
  granted: boolean;
  reason: string;
}): Promise<{ changed: boolean }> {
  const actor = assertSupport(by);
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) throw badRequest('Give a reason of 3 to 500 characters.');
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!tenant) throw notFoundError('No such tenant.');
    if (tenant.panelAccessGranted === granted) return { changed: false };
    await tx.update(tenants).set({ panelAccessGranted: granted, panelAccessChangedAt: new Date() }).where(eq(tenants.id, tenantId));
    if (!granted) await endTenantSessions(tx, tenantId);
    await recordAuditEvent(tx, {
      tenantId,
      actor,
      action: granted ? 'panel_access.grant' : 'panel_access.revoke',
      targetType: 'tenant',
      targetId: tenantId,
      targetLabel: tenant.name,
      before: { panelAccess: tenant.panelAccessGranted },
      after: { panelAccess: granted },
      reason: why,
    });
    return { changed: true };
  });
}
