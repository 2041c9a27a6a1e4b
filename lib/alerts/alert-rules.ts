import 'server-only';
// An organisation's alert rules: platform admins manage every rule of the tenant, a profile
// admin their own, limited to profiles they may see (and a rule never sees beyond its owner's
// scope when it runs, rule-reach.ts). A new rule is off until turned on. Every change audited.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { runTransaction, type Transaction } from '@/db/run-transaction';
import { alertChannels, alertRuleChannels, alertRules } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { interactiveLimits } from '@/lib/db-limits';
import { forbiddenError, HttpError, notFoundError } from '@/lib/http/errors';
import { isProfileInScope } from '@/lib/scope/profile-scope';
import type { AlertRuleKind } from './alert-rule';

export interface AlertRuleRow {
  id: string;
  kind: AlertRuleKind;
  name: string;
  ownerLabel: string;
  profileNames: string[] | null;
  channelNames: string[];
  enabled: boolean;
  mutedUntil: string | null;
  openAlerts: number;
}

export interface NewAlertRule {
  name: string;
  kind: AlertRuleKind;
  profileIds: string[] | null;
  channelIds: string[];
}

/** The rules the viewer may manage: all of the tenant's for a platform admin, their own for a profile admin. */
const manageable = (viewer: TenantViewer) =>
  viewer.role === 'platform_admin' ? eq(alertRules.tenantId, viewer.tenantId) : and(eq(alertRules.tenantId, viewer.tenantId), eq(alertRules.ownerAdminId, viewer.adminId));

export async function listAlertRules(viewer: TenantViewer): Promise<AlertRuleRow[]> {
  const rows = await queryRows<{
    id: string;
    kind: AlertRuleKind;
    name: string;
    owner_label: string;
    profile_names: string[] | null;
    channel_names: string[] | null;
    enabled: boolean;
    muted_until: Date | string | null;
    open_alerts: number;
  }>(
    getDatabase().db,
    sql`select r.id, r.kind, r.name, a.email as owner_label, r.enabled, r.muted_until,
          (select array_agg(p.name order by p.name) from profiles p where p.tenant_id = r.tenant_id and p.id = any(r.profile_ids)) as profile_names,
          (select array_agg(c.name order by c.name) from alert_rule_channels rc join alert_channels c on c.tenant_id = rc.tenant_id and c.id = rc.channel_id
             where rc.tenant_id = r.tenant_id and rc.rule_id = r.id) as channel_names,
          (select count(*)::int from alert_states s where s.tenant_id = r.tenant_id and s.rule_id = r.id and s.closed_at is null) as open_alerts
        from alert_rules r join admins a on a.id = r.owner_admin_id
        where r.tenant_id = ${viewer.tenantId}::uuid ${viewer.role === 'platform_admin' ? sql`` : sql`and r.owner_admin_id = ${viewer.adminId}::uuid`}
        order by r.name, r.id limit 200`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    ownerLabel: row.owner_label,
    profileNames: row.profile_names,
    channelNames: row.channel_names ?? [],
    enabled: row.enabled,
    mutedUntil: row.muted_until ? new Date(row.muted_until).toISOString() : null,
    openAlerts: row.open_alerts,
  }));
}

async function checkChannels(tx: Transaction, viewer: TenantViewer, channelIds: string[]): Promise<void> {
  if (channelIds.length === 0) return;
  const found = await tx.select({ id: alertChannels.id }).from(alertChannels).where(and(eq(alertChannels.tenantId, viewer.tenantId), inArray(alertChannels.id, channelIds)));
  if (found.length !== new Set(channelIds).size) throw new HttpError(422, 'A chosen channel does not exist.');
}

export async function createAlertRule(viewer: TenantViewer, rule: NewAlertRule): Promise<{ id: string }> {
  // "All profiles" (null) means all the owner may see, bounded when the rule runs.
  if (rule.profileIds?.some((id) => !isProfileInScope(viewer, id))) throw forbiddenError('A rule may only watch profiles you can see.');
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    await checkChannels(tx, viewer, rule.channelIds);
    const [created] = await tx
      .insert(alertRules)
      .values({ tenantId: viewer.tenantId, kind: rule.kind, name: rule.name, ownerAdminId: viewer.adminId, profileIds: rule.profileIds, enabled: false })
      .returning({ id: alertRules.id });
    if (rule.channelIds.length > 0) await tx.insert(alertRuleChannels).values([...new Set(rule.channelIds)].map((channelId) => ({ tenantId: viewer.tenantId, ruleId: created!.id, channelId })));
    await recordAuditEvent(tx, { tenantId: viewer.tenantId, actor: actorOf(viewer), action: 'alert_rule.create', targetType: 'alert_rule', targetId: created!.id, targetLabel: rule.name, after: rule });
    return { id: created!.id };
  });
}

export type AlertRuleChange = { enabled: boolean } | { mutedUntil: Date | null };

export async function changeAlertRule(viewer: TenantViewer, ruleId: string, change: AlertRuleChange): Promise<void> {
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [before] = await tx
      .select({ name: alertRules.name, enabled: alertRules.enabled, mutedUntil: alertRules.mutedUntil })
      .from(alertRules)
      .where(and(manageable(viewer), eq(alertRules.id, ruleId)))
      .for('update');
    if (!before) throw notFoundError('No such alert rule.');
    await tx.update(alertRules).set({ ...change, updatedAt: new Date() }).where(and(eq(alertRules.tenantId, viewer.tenantId), eq(alertRules.id, ruleId)));
    if ('enabled' in change && !change.enabled) {
      // Off: its open alerts close without a notice (nothing watches them any more).
      await tx.execute(sql`update alert_states set closed_at = now() where tenant_id = ${viewer.tenantId}::uuid and rule_id = ${ruleId}::uuid and closed_at is null`);
    }
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'alert_rule.change',
      targetType: 'alert_rule',
      targetId: ruleId,
      targetLabel: before.name,
      before: 'enabled' in change ? { enabled: before.enabled } : { mutedUntil: before.mutedUntil },
      after: change,
    });
  });
}

export async function deleteAlertRule(viewer: TenantViewer, ruleId: string): Promise<void> {
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [deleted] = await tx.delete(alertRules).where(and(manageable(viewer), eq(alertRules.id, ruleId))).returning({ name: alertRules.name });
    if (!deleted) throw notFoundError('No such alert rule.');
    await recordAuditEvent(tx, { tenantId: viewer.tenantId, actor: actorOf(viewer), action: 'alert_rule.delete', targetType: 'alert_rule', targetId: ruleId, targetLabel: deleted.name });
  });
}

