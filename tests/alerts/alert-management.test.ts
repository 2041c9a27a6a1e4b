// Managing alerts: a new rule is off; a profile admin's rule may name only their profiles, and
// they manage only their own rules, while a platform admin manages all; a webhook must point to a
// public https address; every change is audited.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { alertRules, auditEvents } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { createEmailChannel, createWebhookChannel, deleteAlertChannel, listAlertChannels } from '@/lib/alerts/alert-channels';
import { changeAlertRule, createAlertRule, deleteAlertRule, listAlertRules, updateAlertRule } from '@/lib/alerts/alert-rules';
import { addSuggestedRules, SUGGESTED_RULES } from '@/lib/alerts/suggested-rules';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

// Not demo mode: webhooks must be public https.
vi.stubEnv('DEMO', '0');

describeEachDatabase('managing alert rules and channels', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  let salesId: string;
  let opsId: string;

  const audited = async (action: string) =>
    (await database().db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action)))).length;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, { profiles: [{ id: 'sales', name: 'Sales' }, { id: 'ops', name: 'Ops' }] });
    salesId = await profileIdOf(db, tenantId, 'sales');
    opsId = await profileIdOf(db, tenantId, 'ops');
    ({ boss, lead } = await bossAndLead(db, tenantId, salesId));
  });

  it('refuses webhooks into the panel’s own network, and shows a new secret once', async () => {
    await expect(createWebhookChannel(boss, { name: 'Local', url: 'https://127.0.0.1/hook' })).rejects.toMatchObject({ status: 422 });
    await expect(createWebhookChannel(boss, { name: 'Plain', url: 'http://93.184.215.14/hook' })).rejects.toMatchObject({ status: 422 });
    const created = await createWebhookChannel(boss, { name: 'Public', url: 'https://93.184.215.14/hook' });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The list never carries the secret.
    expect(JSON.stringify(await listAlertChannels(lead))).not.toContain(created.secret);
    expect(await audited('alert_channel.create')).toBe(1);
    await deleteAlertChannel(boss, created.id);
    expect(await audited('alert_channel.delete')).toBe(1);
  });

  it('keeps a profile admin to their profiles and their own rules', async () => {
    await expect(createAlertRule(lead, { name: 'Ops too', kind: 'user_error', profileIds: [salesId, opsId], channelIds: [] })).rejects.toMatchObject({ status: 403 });
    const mine = await createAlertRule(lead, { name: 'Sales errors', kind: 'user_error', profileIds: [salesId], channelIds: [] });
    const theirs = await createAlertRule(boss, { name: 'All errors', kind: 'user_error', profileIds: null, channelIds: [] });
    await expect(createAlertRule(boss, { name: 'Bad channel', kind: 'user_error', profileIds: null, channelIds: ['00000000-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ status: 422 });
    // New rules are off.
    const [row] = await database().db.select().from(alertRules).where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, mine.id)));
    expect(row!.enabled).toBe(false);
    expect((await listAlertRules(lead)).map((r) => r.name)).toEqual(['Sales errors']);
    expect((await listAlertRules(boss)).map((r) => r.name)).toEqual(['All errors', 'Sales errors']);
    await expect(changeAlertRule(lead, theirs.id, { enabled: true })).rejects.toMatchObject({ status: 404 });
    await expect(deleteAlertRule(lead, theirs.id)).rejects.toMatchObject({ status: 404 });
    await changeAlertRule(lead, mine.id, { enabled: true });
    await changeAlertRule(boss, mine.id, { mutedUntil: new Date(Date.now() + 3_600_000) });
    expect((await listAlertRules(lead))[0]).toMatchObject({ enabled: true, mutedUntil: expect.any(String) });
    await deleteAlertRule(boss, mine.id);
    expect(await audited('alert_rule.create')).toBe(2);
    expect(await audited('alert_rule.change')).toBe(2);
    expect(await audited('alert_rule.delete')).toBe(1);
  });

  it('edits a rule: new figures, profiles and channels, audited; its open alerts close without a notice', async () => {
    const { db } = database();
    const rule = await createAlertRule(lead, { name: 'Sales streak', kind: 'user_error_streak', params: { sessions: 3 }, profileIds: [salesId], channelIds: [] });
    await db.execute(`insert into alert_states (tenant_id, rule_id, subject, opened_at, facts) values ('${tenantId}', '${rule.id}', 'user:x', now(), '{"figures":{}}')`);
    const { id: channelId } = await createWebhookChannel(boss, { name: 'Hook', url: 'https://93.184.215.14/hook' });
    await expect(updateAlertRule(lead, rule.id, { name: 'Sales streak', kind: 'user_error_streak', params: { sessions: 1 }, profileIds: [salesId], channelIds: [] })).rejects.toMatchObject({ status: 422 });
    await expect(updateAlertRule(lead, rule.id, { name: 'Sales streak', kind: 'user_error_streak', params: { sessions: 5 }, profileIds: [opsId], channelIds: [] })).rejects.toMatchObject({ status: 403 });
    await updateAlertRule(lead, rule.id, { name: 'Sales streak of five', kind: 'user_error_streak', params: { sessions: 5 }, profileIds: [salesId], channelIds: [channelId] });
    const [listed] = (await listAlertRules(lead)).filter((row) => row.id === rule.id);
    expect(listed).toMatchObject({ name: 'Sales streak of five', params: { sessions: 5 }, channelIds: [channelId], openAlerts: 0, condition: 'A user has 5 Error sessions since their last Success or Skipped one' });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'alert_rule.change'), eq(auditEvents.targetId, rule.id)));
    expect(event).toMatchObject({ before: { params: { sessions: 3 }, channelIds: [] }, after: { params: { sessions: 5 }, channelIds: [channelId] } });
    await deleteAlertRule(lead, rule.id);
    await deleteAlertChannel(boss, channelId);
  });

  it('gives suggested rules that are off and nobody’s until an admin turns one on', async () => {
    const { db } = database();
    await addSuggestedRules(db, tenantId);
    const suggested = (await listAlertRules(lead)).filter((row) => row.ownerLabel === null);
    expect(suggested.map((row) => row.kind).sort()).toEqual(SUGGESTED_RULES.map((rule) => rule.kind).sort());
    expect(suggested.every((row) => !row.enabled)).toBe(true);
    const silent = suggested.find((row) => row.kind === 'engine_silent')!;
    await changeAlertRule(lead, silent.id, { enabled: true });
    const [row] = await db.select().from(alertRules).where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, silent.id)));
    expect(row).toMatchObject({ enabled: true, ownerAdminId: lead.adminId });
    // Now the lead's, the boss still sees it (all rules), and it is no longer a suggestion.
    expect((await listAlertRules(boss)).find((r) => r.id === silent.id)).toMatchObject({ ownerLabel: lead.email });
    await db.delete(alertRules).where(eq(alertRules.tenantId, tenantId));
  });

  it('refuses email channels where no SMTP server is set up', async () => {
    await expect(createEmailChannel(boss, { name: 'Mail', addresses: 'ops@example.com' })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('SMTP_URL') });
  });
});
