import 'server-only';
// Evaluates a tenant's enabled alert rules and queues what they have to say: each rule's
// condition is reconciled with its open alerts (reconcile-alerts.ts), and each opening or
// closing becomes one notification per channel of the rule (none while it is muted), with an
// idempotency key that names the alert, the event and the channel — queued once, however often
// the evaluation runs. Run after a batch commits and on the scheduled step; a tenant's
// evaluations take turns (an advisory lock), so several instances never queue twice.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database } from '@/db/client';
import { runTransaction, type Transaction } from '@/db/run-transaction';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { env } from '@/config/env';
import { scheduledLimits } from '@/lib/db-limits';
import { logger } from '@/lib/logger';
import { alertPayload, digestPayload } from './alert-payload';
import { scheduleDelivery } from './delivery-queue';
import { isAlertRuleKind, parseRuleParams, type AlertRule } from './alert-rule';
import { EVENT_RULE_KINDS } from './alert-rule-kinds';
import { silentEngine } from './conditions/engine-silent';
import { profilesWithIssueBurst } from './conditions/issue-burst';
import { profilesWithErrorShare } from './conditions/profile-error-share';
import { usersInError } from './conditions/user-error';
import { usersOnErrorStreak } from './conditions/user-error-streak';
import { usersWithoutHealthySession } from './conditions/user-no-healthy-session';
import { reconcileAlerts, type AlertEvent } from './reconcile-alerts';
import { ruleReach, ruleWatchesTenant } from './rule-reach';

export function panelUrl(): string {
  const configured = env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  return configured.replace(/\/+$/, '');
}

/** The rule's condition: a select of (subject, facts) for every subject it holds for at `now`. */
async function condition(db: Database, rule: AlertRule, now: Date): Promise<SQL> {
  const userReach = () => ruleReach(db, rule, sql.raw('u.tenant_id'), sql.raw('u.profile_id'));
  const profileReach = () => ruleReach(db, rule, sql.raw('p.tenant_id'), sql.raw('p.id'));
  switch (rule.kind) {
    case 'user_error':
      return usersInError(await userReach());
    case 'user_error_streak':
      return usersOnErrorStreak(rule.tenantId, await userReach(), parseRuleParams(rule.kind, rule.params), now);
    case 'user_no_healthy_session':
      return usersWithoutHealthySession(await userReach(), parseRuleParams(rule.kind, rule.params), now);
    case 'profile_error_share':
      return profilesWithErrorShare(await profileReach(), parseRuleParams(rule.kind, rule.params), now);
    case 'issue_burst':
      return profilesWithIssueBurst(await profileReach(), parseRuleParams(rule.kind, rule.params), now);
    case 'engine_silent':
      return silentEngine(rule.tenantId, await ruleWatchesTenant(db, rule), parseRuleParams(rule.kind, rule.params), now);
  }
}

/** Messages of one rule a channel hears within the window one by one; beyond, each evaluation's new events come as one digest. */
export const DIGEST_AFTER = 5;
export const DIGEST_WINDOW_MINUTES = 60;

type Queued = typeof alertNotifications.$inferInsert;

/** How many messages of the rule each of its channels was sent within the window. */
async function recentNotices(tx: Transaction, rule: AlertRule, now: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ channel_id: string; notices: number }>(
    tx,
    sql`select channel_id, count(*)::int as notices from alert_notifications
        where tenant_id = ${rule.tenantId}::uuid and rule_id = ${rule.id}::uuid and kind in ('alert', 'recovery', 'digest')
          and created_at > ${new Date(now.getTime() - DIGEST_WINDOW_MINUTES * 60_000)}
        group by channel_id`,
  );
  return new Map(rows.map((row) => [row.channel_id, row.notices]));
}

async function queueNotifications(tx: Transaction, rule: AlertRule, tenant: { id: string; name: string }, events: AlertEvent[], now: Date): Promise<number> {
  if (events.length === 0 || (rule.mutedUntil && rule.mutedUntil > now)) return 0;
  const channels = await tx
    .select({ id: alertChannels.id })
    .from(alertRuleChannels)
    .innerJoin(alertChannels, and(eq(alertChannels.tenantId, alertRuleChannels.tenantId), eq(alertChannels.id, alertRuleChannels.channelId)))
    .where(and(eq(alertRuleChannels.tenantId, rule.tenantId), eq(alertRuleChannels.ruleId, rule.id)));
  if (channels.length === 0) return 0;
  const sentRecently = await recentNotices(tx, rule, now);
  const rows: Queued[] = [];
  for (const channel of channels) {
    // A burst (a profile-wide outage) is one digest per evaluation, not a notice per user.
    const budget = Math.max(0, DIGEST_AFTER - (sentRecently.get(channel.id) ?? 0));
    const oneByOne = events.length <= budget ? events : events.slice(0, Math.max(0, budget - 1));
    for (const event of oneByOne) {
      const idempotencyKey = `${rule.id}/${event.subject}/${event.openedAt.toISOString()}/${event.kind}/${channel.id}`;
      const payload = alertPayload({ event: event.kind, idempotencyKey, occurredAt: now, tenant, rule, facts: event.facts, panelUrl: panelUrl() });
      rows.push({ tenantId: rule.tenantId, ruleId: rule.id, channelId: channel.id, subject: event.subject, kind: event.kind, idempotencyKey, payload });
    }
    const folded = events.slice(oneByOne.length);
    if (folded.length > 0) {
      const idempotencyKey = `${rule.id}/digest/${now.toISOString()}/${channel.id}`;
      const payload = digestPayload({ idempotencyKey, occurredAt: now, tenant, rule, events: folded, withinMinutes: DIGEST_WINDOW_MINUTES, panelUrl: panelUrl() });
      rows.push({ tenantId: rule.tenantId, ruleId: rule.id, channelId: channel.id, subject: null, kind: 'digest', idempotencyKey, payload });
    }
  }
  const queued = await tx.insert(alertNotifications).values(rows).onConflictDoNothing().returning({ id: alertNotifications.id });
  await scheduleDelivery(
    tx,
    queued.map(({ id }) => ({ tenantId: rule.tenantId, id })),
  );
  return queued.length;
}

/** Evaluates the tenant's enabled rules (`events`: only those a batch can set off); answers how
 *  many notifications it queued. */
export async function evaluateTenantAlerts(db: Database, tenantId: string, now = new Date(), which: 'all' | 'events' = 'all'): Promise<number> {
  const rows = await db.select().from(alertRules).where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.enabled, true)));
  const rules = rows.flatMap((row): AlertRule[] =>
    isAlertRuleKind(row.kind) && (which === 'all' || EVENT_RULE_KINDS.includes(row.kind)) ? [{ ...row, kind: row.kind, params: row.params as Record<string, unknown> }] : [],
  );
  if (rules.length === 0) return 0;
  const conditions = (
    await Promise.all(
      rules.map(async (rule) => {
        try {
          return [{ rule, matching: await condition(db, rule, now) }];
        } catch (error) {
          // A rule whose stored parameters no longer parse stops alone; the others still run.
          logger().warn({ err: error, ruleId: rule.id }, 'an alert rule could not be evaluated');
          return [];
        }
      }),
    )
  ).flat();
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

