import 'server-only';
// Evaluates a tenant's enabled alert rules and queues what they have to say: each rule's
// condition is reconciled with its open alerts (reconcile-alerts.ts), and each opening or
// closing becomes one notification per channel of the rule (none while it is muted), with an
// idempotency key that names the alert, the event and the channel — queued once, however often
// the evaluation runs. Run after a batch commits and on the scheduled step; a tenant's
// evaluations take turns (an advisory lock), so several instances never queue twice.
import { and, eq, sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database } from '@/db/client';
import { runTransaction, type Transaction } from '@/db/run-transaction';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { env } from '@/config/env';
import { scheduledLimits } from '@/lib/db-limits';
import { alertPayload } from './alert-payload';
import { ALERT_RULE_KINDS, type AlertRule, type AlertRuleKind } from './alert-rule';
import { usersInError } from './conditions/user-error';
import { reconcileAlerts } from './reconcile-alerts';
import { ruleReach } from './rule-reach';

export function panelUrl(): string {
  const configured = env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  return configured.replace(/\/+$/, '');
}

async function condition(db: Database, rule: AlertRule) {
  const kind: AlertRuleKind = rule.kind;
  switch (kind) {
    case 'user_error':
      return usersInError(await ruleReach(db, rule, sql.raw('u.tenant_id'), sql.raw('u.profile_id')));
  }
}

async function queueNotifications(tx: Transaction, rule: AlertRule, tenant: { id: string; name: string }, events: Awaited<ReturnType<typeof reconcileAlerts>>, now: Date): Promise<number> {
  if (events.length === 0 || (rule.mutedUntil && rule.mutedUntil > now)) return 0;
  const channels = await tx
    .select({ id: alertChannels.id })
    .from(alertRuleChannels)
    .innerJoin(alertChannels, and(eq(alertChannels.tenantId, alertRuleChannels.tenantId), eq(alertChannels.id, alertRuleChannels.channelId)))
    .where(and(eq(alertRuleChannels.tenantId, rule.tenantId), eq(alertRuleChannels.ruleId, rule.id)));
  const rows = events.flatMap((event) =>
    channels.map((channel) => {
      const idempotencyKey = `${rule.id}/${event.subject}/${event.openedAt.toISOString()}/${event.kind}/${channel.id}`;
      return {
        tenantId: rule.tenantId,
        ruleId: rule.id,
        channelId: channel.id,
        subject: event.subject,
        kind: event.kind,
        idempotencyKey,
        payload: alertPayload({ event: event.kind, idempotencyKey, occurredAt: now, tenant, rule, facts: event.facts, panelUrl: panelUrl() }),
      };
    }),
  );
  if (rows.length === 0) return 0;
  const queued = await tx.insert(alertNotifications).values(rows).onConflictDoNothing().returning({ id: alertNotifications.id });
  return queued.length;
}

/** Evaluates the tenant's enabled rules; answers how many notifications it queued. */
export async function evaluateTenantAlerts(db: Database, tenantId: string, now = new Date()): Promise<number> {
  const rules = (await db.select().from(alertRules).where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.enabled, true)))).filter((rule): rule is typeof rule & { kind: AlertRuleKind } =>
    (ALERT_RULE_KINDS as readonly string[]).includes(rule.kind),
  );
  if (rules.length === 0) return 0;
  const conditions = await Promise.all(
    rules.map(async (row) => {
      const rule: AlertRule = { ...row, params: row.params as Record<string, unknown> };
      return { rule, matching: await condition(db, rule) };
    }),
  );
  return runTransaction(db, scheduledLimits(), async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.alerts}, hashtext(${tenantId}))`);
    const [tenant] = await queryRows<{ id: string; name: string; panel_access_granted: boolean }>(tx, sql`select id, name, panel_access_granted from tenants where id = ${tenantId}::uuid`);
    // A tenant without panel access hears nothing (its admins cannot open the links either).
    if (!tenant?.panel_access_granted) return 0;
    let queued = 0;
    for (const { rule, matching } of conditions) {
      const events = await reconcileAlerts(tx, rule, matching, now);
      queued += await queueNotifications(tx, rule, { id: tenant.id, name: tenant.name }, events, now);
    }
    return queued;
  });
}

/** Every tenant with an enabled rule: the scheduled step's evaluation. */
export async function evaluateAllAlerts(db: Database, now = new Date()): Promise<number> {
  const rows = await queryRows<{ tenant_id: string }>(db, sql`select distinct tenant_id from alert_rules where enabled order by tenant_id`);
  let queued = 0;
  for (const { tenant_id } of rows) queued += await evaluateTenantAlerts(db, tenant_id, now);
  return queued;
}

