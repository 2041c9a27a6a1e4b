// Alerts by email through a real local SMTP server (smtp-server, parsed with mailparser): the batch
// that disables a user becomes one email and one signed webhook (and nothing more on a replay, one
// recovery each when it clears); an alert arrives once, to every address of the channel, with the text, the links and the notification's
// idempotency key as its Message-ID; a server that refuses the recipients gets retries and its
// reply code is recorded; without SMTP_URL, email channels cannot be added.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { createEmailChannel } from '@/lib/alerts/alert-channels';
import { startAlerts, stopAlerts } from '@/lib/alerts/alert-runner';
import { SIGNATURE_HEADER, signBody } from '@/lib/alerts/send-webhook';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
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
// The webhook receiver listens on 127.0.0.1: allowed for tests only.
vi.stubEnv('ALERTS_ALLOW_PRIVATE_TARGETS', '1');

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

  it('turns the batch that disables a user into exactly one email and one signed webhook, nothing more on a replay, and one recovery each', async () => {
    const { db } = database();
    const hooks: { signature: string; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        hooks.push({ signature: String(request.headers[SIGNATURE_HEADER]), body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { id: mailId } = await createEmailChannel(boss, { name: 'Ops mail', addresses: 'ops@example.com' });
    const [hook] = await db
      .insert(alertChannels)
      .values({ tenantId, kind: 'webhook', name: 'Ops hook', target: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: 'hook-secret', createdByLabel: 'boss' })
      .returning();
    const [rule] = await db.insert(alertRules).values({ tenantId, kind: 'user_error', name: 'Users in error', ownerAdminId: boss.adminId, enabled: true }).returning();
    await db.insert(alertRuleChannels).values([mailId, hook!.id].map((channelId) => ({ tenantId, ruleId: rule!.id, channelId })));
    const token = (await createIngestionToken('command-line', { tenantId, name: 'engine' })).token;
    const post = (syncError: { reason: string; at: string } | null) =>
      postBatch(
        new Request('http://panel.test/api/ingest/v1/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError }] }),
        }),
      );
    const failing = { reason: 'Password expired', at: '2026-11-30T10:00:00Z' };
    // On PostgreSQL through the job queue, on the embedded database in-process.
    await startAlerts({ queuePollingSeconds: 0.5 });
    try {
      expect((await post(failing)).status).toBe(200);
      await vi.waitFor(() => expect([received.length, hooks.length]).toEqual([1, 1]), { timeout: 5_000, interval: 20 });
      const payload = JSON.parse(hooks[0]!.body);
      expect(hooks[0]!.signature).toBe(signBody('hook-secret', hooks[0]!.body));
      expect(payload).toMatchObject({ event: 'alert', user: { email: 'ann@t.test' }, links: { user: expect.stringMatching(new RegExp(`/users/${payload.user.id}$`)) } });
      expect(received[0]!.subject).toBe('Alert — Users in error: Ann (ann@t.test) in Sales: Password expired.');
      expect(received[0]!.text).toContain(payload.links.user);

      // The engine sends the same batch again: nothing more.
      expect((await post(failing)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect([received.length, hooks.length]).toEqual([1, 1]);

      // The error clears: one recovery notice on each channel.
      expect((await post(null)).status).toBe(200);
      await vi.waitFor(() => expect([received.length, hooks.length]).toEqual([2, 2]), { timeout: 5_000, interval: 20 });
      expect(JSON.parse(hooks[1]!.body).event).toBe('recovery');
      expect(received[1]!.subject).toMatch(/^Recovered — Users in error: Ann \(ann@t.test\) in Sales no longer matches/);
    } finally {
      await stopAlerts();
      receiver.close();
    }
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
