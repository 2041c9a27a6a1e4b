// Alerts by email through a real local SMTP server (smtp-server, parsed with mailparser): an alert
// arrives once, to every address of the channel, with the text, the links and the notification's
// idempotency key as its Message-ID; a server that refuses the recipients gets retries and its
// reply code is recorded; without SMTP_URL, email channels cannot be added.
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { createEmailChannel } from '@/lib/alerts/alert-channels';
import { deliverDueNotifications } from '@/lib/alerts/deliver-notifications';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import type { TenantViewer } from '@/lib/auth/viewer';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const received: ParsedMail[] = [];
let refuse = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
vi.stubEnv('ALERTS_MAIL_FROM', 'Alerts <alerts@panel.test>');

afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

describeEachDatabase('alerts by email', (database) => {
  let tenantId: string;
  let boss: TenantViewer;

  beforeEach(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, { profiles: [{ id: 'sales', name: 'Sales' }], users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales' }] });
    ({ boss } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
    received.length = 0;
    refuse = false;
  });

  async function emailRule() {
    const { db } = database();
    const { id: channelId } = await createEmailChannel(boss, { name: 'Ops mail', addresses: 'Ops@Example.com, it@example.com' });
    const [rule] = await db.insert(alertRules).values({ tenantId, kind: 'user_error', name: 'Users in error', ownerAdminId: boss.adminId, enabled: true }).returning();
    await db.insert(alertRuleChannels).values({ tenantId, ruleId: rule!.id, channelId });
    await ingest(db, tenantId, { users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: { reason: 'Password expired', at: '2026-11-30T10:00:00Z' } }] });
    await evaluateTenantAlerts(db, tenantId);
    return rule!;
  }

  it('sends an alert once to every address, with its links and its idempotency key as Message-ID', async () => {
    const { db } = database();
    const rule = await emailRule();
    expect(await deliverDueNotifications(db)).toBe(1);
    expect(await deliverDueNotifications(db)).toBe(0);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from?.value[0]).toMatchObject({ name: 'Alerts', address: 'alerts@panel.test' });
    expect((Array.isArray(mail!.to) ? mail!.to : [mail!.to]).flatMap((to) => to!.value.map((v) => v.address))).toEqual(['ops@example.com', 'it@example.com']);
    expect(mail!.subject).toBe('Alert — Users in error: Ann (ann@t.test) in Sales: Password expired.');
    expect(mail!.text).toMatch(/user: http:\/\/\S+\/users\/[0-9a-f-]{36}/);
    const [notification] = await db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, rule.id)));
    expect(mail!.headers.get('x-sync-admin-delivery')).toBe(notification!.idempotencyKey);
    expect(mail!.messageId).toMatch(/^<[0-9a-f]{40}@sync-admin-panel>$/);
    expect(notification).toMatchObject({ status: 'sent', responseCode: 250 });
  });

  it('records the reply code of a server that refuses, and tries again later', async () => {
    const { db } = database();
    refuse = true;
    const rule = await emailRule();
    await deliverDueNotifications(db);
    const [notification] = await db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, rule.id)));
    expect(notification).toMatchObject({ status: 'retrying', attempts: 1, responseCode: 550 });
    expect(received).toHaveLength(0);
  });

  it('refuses addresses that are not email addresses', async () => {
    await expect(createEmailChannel(boss, { name: 'Bad', addresses: 'ops@example.com, not-an-address' })).rejects.toMatchObject({ status: 422, message: '“not-an-address” is not an email address.' });
    const many = Array.from({ length: 21 }, (_, i) => `a${i}@example.com`).join(',');
    await expect(createEmailChannel(boss, { name: 'Many', addresses: many })).rejects.toMatchObject({ status: 422 });
    expect(await database().db.select().from(alertChannels).where(eq(alertChannels.tenantId, tenantId))).toEqual([]);
  });
});
