import 'server-only';
// Turns "the condition holds for these subjects now" into alerts: an alert opens for a subject
// that was not alerted yet, stays open (and silent) while the condition keeps holding, and
// closes when it no longer does — each opening and closing an event to notify, exactly once.
// One statement: the partial unique index on open alerts makes a concurrent evaluation open
// nothing twice. Both sides are compared as NOT IN, one hashed list each: as NOT EXISTS they were
// planned as nested loops (a condition's row estimate is a guess), 7,500 × 7,500 comparisons
// for a large tenant's steady state.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import type { AlertFacts, AlertRule } from './alert-rule';

export interface AlertEvent {
  kind: 'alert' | 'recovery';
  subject: string;
  openedAt: Date;
  facts: AlertFacts;
}

/** `matching` selects (subject text, facts jsonb) for every subject the condition holds for. */
export async function reconcileAlerts(tx: Transaction, rule: AlertRule, matching: SQL, now: Date): Promise<AlertEvent[]> {
  const rows = await queryRows<{ kind: 'alert' | 'recovery'; subject: string; opened_at: Date | string; facts: AlertFacts }>(
    tx,
    sql`with matching as (${matching}),
        opened as (
          insert into alert_states (tenant_id, rule_id, subject, opened_at, facts)
          select ${rule.tenantId}::uuid, ${rule.id}::uuid, m.subject, ${now}, m.facts from matching m
          where m.subject not in (select s.subject from alert_states s
                                  where s.tenant_id = ${rule.tenantId}::uuid and s.rule_id = ${rule.id}::uuid and s.closed_at is null)
          on conflict (tenant_id, rule_id, subject) where closed_at is null do nothing
          returning subject, opened_at, facts
        ),
        closed as (
          update alert_states s set closed_at = ${now}
          where s.tenant_id = ${rule.tenantId}::uuid and s.rule_id = ${rule.id}::uuid and s.closed_at is null
            and s.subject not in (select m.subject from matching m)
          returning subject, opened_at, facts
        )
        select 'alert' as kind, subject, opened_at, facts from opened
        union all
        select 'recovery', subject, opened_at, facts from closed
        order by 2, 1`,
  );
  return rows.map((row) => ({ kind: row.kind, subject: row.subject, openedAt: new Date(row.opened_at), facts: row.facts }));
}
