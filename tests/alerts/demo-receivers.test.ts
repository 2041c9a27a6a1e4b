// The demo's receivers: the webhook route keeps what a demo channel sends, with the signature
// checked against that channel's secret (a forged one is kept as not valid), and answers 404
// outside demo mode; the SMTP sink keeps a mail in the inbox of the tenant it names.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { alertChannels } from '@/db/schema';
import { POST as receiveWebhook } from '@/app/api/demo-receiver/webhook/route';
import { signBody, SIGNATURE_HEADER } from '@/lib/alerts/send-webhook';
import { TENANT_HEADER } from '@/lib/alerts/send-email';
import { listDemoInbox } from '@/lib/demo-receivers/demo-inbox';
import { DEMO_WEBHOOK_PATH } from '@/lib/demo-receivers/demo-receiver-paths';
import { startDemoSmtpSink } from '@/lib/demo-receivers/demo-smtp-sink';
import type { TenantViewer } from '@/lib/auth/viewer';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

vi.stubEnv('DEMO', '1');
const SECRET = 'demo-secret';
const sinks: { close: (callback: () => void) => void }[] = [];
afterAll(async () => Promise.all(sinks.map((sink) => new Promise<void>((resolve) => sink.close(resolve)))));

describeEachDatabase('the demo receivers', (database) => {
  let tenantId: string;
  let boss: TenantViewer;

  beforeEach(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, { profiles: [{ id: 'sales', name: 'Sales' }] });
    ({ boss } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
    await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Demo webhook receiver', target: `http://localhost:3000${DEMO_WEBHOOK_PATH}`, secret: SECRET, createdByLabel: 'demo' });
  });

  const post = (body: string, signature: string) =>
    receiveWebhook(new Request(`http://panel.test${DEMO_WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body }));

  it('keeps a signed webhook as valid and a forged one as not valid', async () => {
    const body = JSON.stringify({ event: 'test', tenant: { id: tenantId, name: 'T' }, text: 'Test from the panel' });
    expect((await post(body, signBody(SECRET, body))).status).toBe(200);
    expect((await post(body, signBody('guessed', body))).status).toBe(200);
    const inbox = await listDemoInbox(boss);
    expect(inbox.map((message) => [message.via, message.summary, message.signatureValid]).sort()).toEqual([
      ['webhook', 'Test from the panel', false],
      ['webhook', 'Test from the panel', true],
    ]);
    expect((await post('not json', 'x')).status).toBe(400);
  });

  it('keeps a mail given to the SMTP sink in the inbox of the tenant it names', async () => {
    const sink = await startDemoSmtpSink(0);
    sinks.push(sink);
    const port = (sink.server.address() as AddressInfo).port;
    await nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ from: 'a@panel.test', to: 'alerts@demo-mailbox.test', subject: 'Alert — demo', text: 'Ann is disabled', headers: { [TENANT_HEADER]: tenantId } });
    await vi.waitFor(async () => expect((await listDemoInbox(boss)).map((m) => m.summary)).toEqual(['Alert — demo']), { timeout: 3_000 });
    expect((await listDemoInbox(boss))[0]!.detail).toContain('Ann is disabled');
  });
});
