import 'server-only';
// An organisation's alert rules: platform admins manage every rule of the tenant, a profile
// admin their own and the suggestions nobody has taken on yet, limited to profiles they may see
// (and a rule never sees beyond its owner's scope when it runs, rule-reach.ts). A new rule is
// off until turned on; whoever turns on or edits a suggestion becomes its owner. A change of
// what a rule watches closes its open alerts without a notice: the new condition starts afresh
// (a "recovered" for users it merely stopped watching would be false). Every change audited.
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { runTransaction, type Transaction } from '@/db/run-transaction';
import { alertChannels, alertRuleChannels, alertRules } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { interactiveLimits } from '@/lib/db-limits';
import { forbiddenError, HttpError, notFoundError } from '@/lib/http/errors';
import { isProfileInScope } from '@/lib/scope/profile-scope';
import { describeCondition, isAlertRuleKind, parseRuleParams, type AlertRuleKind } from './alert-rule';

export interface AlertRuleRow {
  id: string;
  kind: AlertRuleKind;
  name: string;
  condition: string;
  params: Record<string, unknown>;
  /** Null for a suggestion nobody has taken on yet. */
  ownerLabel: string | null;
  profileIds: string[] | null;
  profileNames: string[] | null;
  channelIds: string[];
  channelNames: string[];
  enabled: boolean;
  mutedUntil: string | null;
  openAlerts: number;
}

export interface AlertRuleInput {
  name: string;
  kind: AlertRuleKind;
  /** The condition's figures; the kind's defaults where absent. */
  params?: Record<string, unknown>;
  profileIds: string[] | null;
  channelIds: string[];
}

/** The rules the viewer may manage: all of the tenant's for a platform admin; their own and the untaken suggestions for a profile admin. */
function manageable(viewer: TenantViewer): SQL {
  const ofTenant = eq(alertRules.tenantId, viewer.tenantId);
  if (viewer.role === 'platform_admin') return ofTenant;
  return and(ofTenant, or(eq(alertRules.ownerAdminId, viewer.adminId), isNull(alertRules.ownerAdminId)))!;
}

export async function listAlertRules(viewer: TenantViewer): Promise<AlertRuleRow[]> {
  const rows = await queryRows<{
    id: string;
    kind: string;
    name: string;
    params: Record<string, unknown>;
    owner_label: string | null;
    profile_ids: string[] | null;
    profile_names: string[] | null;
    channel_ids: string[] | null;
    channel_names: string[] | null;
    enabled: boolean;
    muted_until: Date | string | null;
    open_alerts: number;
  }>(
    getDatabase().db,
    sql`select alert_rules.id, alert_rules.kind, alert_rules.name, alert_rules.params, a.email as owner_label, alert_rules.profile_ids, alert_rules.enabled, alert_rules.muted_until,
          (select array_agg(p.name order by p.name) from profiles p where p.tenant_id = alert_rules.tenant_id and p.id = any(alert_rules.profile_ids)) as profile_names,
          (select array_agg(c.id order by c.name, c.id) from alert_rule_channels rc join alert_channels c on c.tenant_id = rc.tenant_id and c.id = rc.channel_id
             where rc.tenant_id = alert_rules.tenant_id and rc.rule_id = alert_rules.id) as channel_ids,
          (select array_agg(c.name order by c.name, c.id) from alert_rule_channels rc join alert_channels c on c.tenant_id = rc.tenant_id and c.id = rc.channel_id
             where rc.tenant_id = alert_rules.tenant_id and rc.rule_id = alert_rules.id) as channel_names,
          (select count(*)::int from alert_states s where s.tenant_id = alert_rules.tenant_id and s.rule_id = alert_rules.id and s.closed_at is null) as open_alerts
        from alert_rules left join admins a on a.id = alert_rules.owner_admin_id
        where ${manageable(viewer)}
        order by alert_rules.owner_admin_id is null, alert_rules.name, alert_rules.id limit 200`,
  );
  return rows.flatMap((row): AlertRuleRow[] => {
    if (!isAlertRuleKind(row.kind)) return [];
    return [
      {
        id: row.id,
        kind: row.kind,
        name: row.name,
        condition: describeCondition(row.kind, row.params),
        params: row.params,
        ownerLabel: row.owner_label,
        profileIds: row.profile_ids,
        profileNames: row.profile_names,
        channelIds: row.channel_ids ?? [],
        channelNames: row.channel_names ?? [],
        enabled: row.enabled,
        mutedUntil: row.muted_until ? new Date(row.muted_until).toISOString() : null,
        openAlerts: row.open_alerts,
      },
    ];
  });
}

/** The rule's values checked against the viewer: its parameters, its profiles in their scope, its channels the tenant's. */
async function checkedRule(tx: Transaction, viewer: TenantViewer, rule: AlertRuleInput): Promise<Required<AlertRuleInput>> {
  // "All profiles" (null) means all the owner may see, bounded when the rule runs.
  if (rule.profileIds?.some((id) => !isProfileInScope(viewer, id))) throw forbiddenError('A rule may only watch profiles you can see.');
  let params: Record<string, unknown>;
  try {
    params = parseRuleParams(rule.kind, rule.params) as Record<string, unknown>;
  } catch {
    throw new HttpError(422, 'The condition’s figures are out of bounds.');
  }
  const channelIds = [...new Set(rule.channelIds)];
  if (channelIds.length > 0) {
    const found = await tx.select({ id: alertChannels.id }).from(alertChannels).where(and(eq(alertChannels.tenantId, viewer.tenantId), inArray(alertChannels.id, channelIds)));
    if (found.length !== channelIds.length) throw new HttpError(422, 'A chosen channel does not exist.');
  }
  return { ...rule, params, channelIds };
}

async function setChannels(tx: Transaction, tenantId: string, ruleId: string, channelIds: string[]): Promise<void> {
  await tx.delete(alertRuleChannels).where(and(eq(alertRuleChannels.tenantId, tenantId), eq(alertRuleChannels.ruleId, ruleId)));
  if (channelIds.length > 0) await tx.insert(alertRuleChannels).values(channelIds.map((channelId) => ({ tenantId, ruleId, channelId })));
}

/** Closes the rule's open alerts without a notice (turned off, or now watching something else). */
async function closeOpenAlerts(tx: Transaction, tenantId: string, ruleId: string): Promise<void> {
  await tx.execute(sql`update alert_states set closed_at = now() where tenant_id = ${tenantId}::uuid and rule_id = ${ruleId}::uuid and closed_at is null`);
}

export async function createAlertRule(viewer: TenantViewer, input: AlertRuleInput): Promise<{ id: string }> {
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const rule = await checkedRule(tx, viewer, input);
    const [created] = await tx
      .insert(alertRules)
      .values({ tenantId: viewer.tenantId, kind: rule.kind, name: rule.name, params: rule.params, ownerAdminId: viewer.adminId, profileIds: rule.profileIds, enabled: false })
      .returning({ id: alertRules.id });
    await setChannels(tx, viewer.tenantId, created!.id, rule.channelIds);
    await recordAuditEvent(tx, { tenantId: viewer.tenantId, actor: actorOf(viewer), action: 'alert_rule.create', targetType: 'alert_rule', targetId: created!.id, targetLabel: rule.name, after: rule });
    return { id: created!.id };
  });
}

async function lockedRule(tx: Transaction, viewer: TenantViewer, ruleId: string) {
  const [rule] = await tx.select().from(alertRules).where(and(manageable(viewer), eq(alertRules.id, ruleId))).for('update');
  if (!rule) throw notFoundError('No such alert rule.');
  return rule;
}

/** Changes what a rule watches and whom it tells; a suggestion becomes the editor's. */
export async function updateAlertRule(viewer: TenantViewer, ruleId: string, input: AlertRuleInput): Promise<void> {
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const before = await lockedRule(tx, viewer, ruleId);
    const rule = await checkedRule(tx, viewer, input);
    const [channelsBefore] = await queryRows<{ ids: string[] | null }>(
      tx,
      sql`select array_agg(channel_id order by channel_id) as ids from alert_rule_channels where tenant_id = ${viewer.tenantId}::uuid and rule_id = ${ruleId}::uuid`,
    );
    await tx
      .update(alertRules)
      .set({ name: rule.name, kind: rule.kind, params: rule.params, profileIds: rule.profileIds, ownerAdminId: before.ownerAdminId ?? viewer.adminId, updatedAt: new Date() })
      .where(and(eq(alertRules.tenantId, viewer.tenantId), eq(alertRules.id, ruleId)));
    await setChannels(tx, viewer.tenantId, ruleId, rule.channelIds);
    const watchesOtherwise =
      before.kind !== rule.kind || JSON.stringify(before.params) !== JSON.stringify(rule.params) || JSON.stringify(before.profileIds) !== JSON.stringify(rule.profileIds);
    if (watchesOtherwise) await closeOpenAlerts(tx, viewer.tenantId, ruleId);
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'alert_rule.change',
      targetType: 'alert_rule',
      targetId: ruleId,
      targetLabel: rule.name,
      before: { name: before.name, kind: before.kind, params: before.params, profileIds: before.profileIds, channelIds: channelsBefore?.ids ?? [] },
      after: rule,
    });
  });
}

export type AlertRuleSwitch = { enabled: boolean } | { mutedUntil: Date | null };

export async function changeAlertRule(viewer: TenantViewer, ruleId: string, change: AlertRuleSwitch): Promise<void> {
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const before = await lockedRule(tx, viewer, ruleId);
    // Turning on a suggestion takes it on: it watches what its new owner may see.
    const owner = 'enabled' in change && change.enabled && !before.ownerAdminId ? { ownerAdminId: viewer.adminId } : {};
    await tx
      .update(alertRules)
      .set({ ...change, ...owner, updatedAt: new Date() })
      .where(and(eq(alertRules.tenantId, viewer.tenantId), eq(alertRules.id, ruleId)));
    // Off: its open alerts close without a notice (nothing watches them any more).
    if ('enabled' in change && !change.enabled) await closeOpenAlerts(tx, viewer.tenantId, ruleId);
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
