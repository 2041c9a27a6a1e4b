// Managing alerts: a new rule is off; a profile admin's rule may name only their profiles, and
// they manage only their own rules, while a platform admin manages all; a webhook must point to a
// public https address; every change is audited.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { alertRules, auditEvents } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { createWebhookChannel, deleteAlertChannel, listAlertChannels } from '@/lib/alerts/alert-channels';
import { changeAlertRule, createAlertRule, deleteAlertRule, listAlertRules } from '@/lib/alerts/alert-rules';
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
});
