// The alert history and the overview's open alerts, read by whom they belong to: a platform
// admin reads every notification of the organisation, a profile admin those of their own rules;
// filters by status, event, rule and channel; pages of 25 that neither skip nor repeat. Open
// alerts show by their subject's profile: a profile admin sees those of their profiles (and the
// organisation's), whoever owns the rule.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { alertHistorySearch } from '@/lib/alerts/alert-history-search';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import { listAlertHistory } from '@/lib/alerts/list-alert-history';
import { openAlertsInScope } from '@/lib/alerts/open-alerts';
import { parseSearch } from '@/lib/search/parse-search';
import type { TenantViewer } from '@/lib/auth/viewer';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const ERROR = { reason: 'Token expired', at: '2026-11-30T10:00:00Z' };

describeEachDatabase('alert history and open alerts', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  let bossRuleId: string;
  let leadRuleId: string;
  let channelId: string;

  const query = (params: Record<string, string> = {}) => alertHistorySearch.parse(params);

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: [
        { email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: ERROR },
        { email: 'bob@t.test', name: 'Bob', profileId: 'ops', syncError: ERROR },
      ],
    });
    const salesId = await profileIdOf(db, tenantId, 'sales');
    ({ boss, lead } = await bossAndLead(db, tenantId, salesId));
    const [channel] = await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Hook', target: 'https://hooks.example.com/x', secret: 'k', createdByLabel: 'boss' }).returning();
    channelId = channel!.id;
    const rules = await db
      .insert(alertRules)
      .values([
        { tenantId, kind: 'user_error', name: 'All errors', ownerAdminId: boss.adminId, enabled: true },
        { tenantId, kind: 'user_error', name: 'Sales errors', ownerAdminId: lead.adminId, profileIds: [salesId], enabled: true },
      ])
      .returning();
    [bossRuleId, leadRuleId] = [rules[0]!.id, rules[1]!.id];
    await db.insert(alertRuleChannels).values(rules.map((rule) => ({ tenantId, ruleId: rule.id, channelId })));
    await evaluateTenantAlerts(db, tenantId);
    // One of them failed for good.
    await db.update(alertNotifications).set({ status: 'failed', attempts: 5, responseCode: 410 }).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, leadRuleId)));
  });

  it('shows a platform admin every notification and a profile admin those of their rules', async () => {
    const all = await listAlertHistory(boss, query());
    expect(all.rows.map((row) => `${row.ruleName}/${row.user?.name}`).sort()).toEqual(['All errors/Ann', 'All errors/Bob', 'Sales errors/Ann']);
    const theirs = await listAlertHistory(lead, query());
    expect(theirs.rows).toHaveLength(1);
    expect(theirs.rows[0]).toMatchObject({ ruleName: 'Sales errors', user: { name: 'Ann' }, profile: { name: 'Sales' }, status: 'failed', attempts: 5, responseCode: 410, channelName: 'Hook' });
    // A profile admin naming another's rule in the URL gets nothing of it.
    expect((await listAlertHistory(lead, query({ rule: bossRuleId }))).rows).toEqual([]);
  });

  it('filters by status, event, rule and channel', async () => {
    expect((await listAlertHistory(boss, query({ status: 'failed' }))).rows.map((row) => row.ruleName)).toEqual(['Sales errors']);
    expect((await listAlertHistory(boss, query({ status: 'queued' }))).rows).toHaveLength(2);
    expect((await listAlertHistory(boss, query({ event: 'recovery' }))).rows).toEqual([]);
    expect((await listAlertHistory(boss, query({ rule: bossRuleId }))).rows).toHaveLength(2);
    expect((await listAlertHistory(boss, query({ channel: channelId }))).rows).toHaveLength(3);
    expect(parseSearch(alertHistorySearch, { status: 'lost' })).toEqual({ ok: false, message: expect.stringContaining('"status" must be one of queued, sending, retrying, sent, failed') });
  });

  it('pages 25 at a time without skipping or repeating', async () => {
    const { db } = database();
    const base = Date.parse('2026-11-01T00:00:00Z');
    // 30 test notifications, some sharing a creation time (the id breaks the tie).
    await db.insert(alertNotifications).values(
      Array.from({ length: 30 }, (_, i) => ({ tenantId, channelId, kind: 'test', idempotencyKey: `page-test-${i}`, payload: { tenant: { id: tenantId } }, createdAt: new Date(base + Math.floor(i / 3) * 1000) })),
    );
    const first = await listAlertHistory(boss, query({ event: 'test' }));
    expect(first.rows).toHaveLength(25);
    const second = await listAlertHistory(boss, query({ event: 'test', cursor: first.nextCursor! }));
    expect(second.rows).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(30);
    // Tests carry no rule: a profile admin's history has none of them.
    expect((await listAlertHistory(lead, query({ event: 'test' }))).rows).toEqual([]);
  });

  it('shows open alerts by their subject’s profile', async () => {
    const forBoss = await openAlertsInScope(boss);
    expect(forBoss.total).toBe(3);
    const forLead = await openAlertsInScope(lead);
    // Ann's alerts from both rules (the boss's too: she is in the lead's profile); not Bob's.
    expect(forLead.total).toBe(2);
    expect(forLead.alerts.every((alert) => alert.facts.user?.name === 'Ann')).toBe(true);
  });
});
