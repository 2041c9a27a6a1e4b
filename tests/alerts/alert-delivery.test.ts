// Alerts from evaluation to a receiver: a user moving to "Disabled due to an error" opens one
// alert and sends one signed webhook with links to the user; evaluating again (a replayed batch)
// sends nothing more; the error clearing sends one recovery notice; a receiver that is down gets
// retries and ends "failed"; a profile admin's rule sees only their profiles; concurrent
// evaluations and deliveries send once. A real local HTTP receiver takes the webhooks.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules, alertStates } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { startAlerts, stopAlerts } from '@/lib/alerts/alert-runner';
import { deliverDueNotifications, MAX_ATTEMPTS } from '@/lib/alerts/deliver-notifications';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody } from '@/lib/alerts/send-webhook';
import { webhookTargetProblem } from '@/lib/alerts/webhook-target';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

// The receivers here listen on 127.0.0.1: allowed for tests only.
vi.stubEnv('ALERTS_ALLOW_PRIVATE_TARGETS', '1');

const SECRET = 'test-webhook-secret-0123456789abcdef';
const ERROR = { reason: 'Mailbox rejected the credentials', at: '2026-11-30T10:00:00Z' };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

function receiver(status = 200): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status).end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server })));
}

describeEachDatabase('alert notifications', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const servers: Server[] = [];

  async function ruleWithChannel(owner: TenantViewer, target: string, profileIds: string[] | null = null) {
    const { db } = database();
    const [channel] = await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Ops hook', target, secret: SECRET, createdByLabel: owner.email }).returning();
    const [rule] = await db
      .insert(alertRules)
      .values({ tenantId, kind: 'user_error', name: 'Users in error', ownerAdminId: owner.adminId, profileIds, enabled: true })
      .returning();
    await db.insert(alertRuleChannels).values({ tenantId, ruleId: rule!.id, channelId: channel!.id });
    return { rule: rule!, channel: channel! };
  }

  const notificationsOf = (ruleId: string) =>
    database()
      .db.select()
      .from(alertNotifications)
      .where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, ruleId)));

  beforeAll(async () => {
    hook = await receiver();
    servers.push(hook.server);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  beforeEach(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'ops', name: 'Ops' },
      ],
      users: [
        { email: 'ann@t.test', name: 'Ann', profileId: 'sales' },
        { email: 'bob@t.test', name: 'Bob', profileId: 'ops' },
      ],
    });
    ({ boss, lead } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
    hook.received.length = 0;
  });

  it('sends one signed webhook when a user is disabled due to an error, nothing more on a replay, and one recovery notice', async () => {
    const { db } = database();
    const { rule } = await ruleWithChannel(boss, hook.url);
    const failing = { users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: ERROR }] };
    await ingest(db, tenantId, failing);
    expect(await evaluateTenantAlerts(db, tenantId)).toBe(1);
    expect(await deliverDueNotifications(db)).toBe(1);

    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    // The signature is the HMAC-SHA256 of the body under the channel's secret.
    expect(delivery!.headers[SIGNATURE_HEADER]).toBe(signBody(SECRET, delivery!.body));
    const payload = JSON.parse(delivery!.body);
    const [ann] = await notificationsOf(rule.id);
    expect(delivery!.headers[DELIVERY_HEADER]).toBe(ann!.idempotencyKey);
    expect(payload).toMatchObject({
      event: 'alert',
      rule: { id: rule.id, name: 'Users in error', kind: 'user_error' },
      user: { email: 'ann@t.test', name: 'Ann' },
      profile: { name: 'Sales' },
      figures: { reason: ERROR.reason },
    });
    expect(payload.links.user).toMatch(new RegExp(`/users/${payload.user.id}$`));
    expect(payload.text).toContain('Ann (ann@t.test) in Sales: Mailbox rejected the credentials');
    expect(ann).toMatchObject({ status: 'sent', attempts: 1, responseCode: 200 });

    // The same batch again, and evaluations again: the alert is open, nothing is sent.
    await ingest(db, tenantId, failing);
    expect(await evaluateTenantAlerts(db, tenantId)).toBe(0);
    expect(await evaluateTenantAlerts(db, tenantId)).toBe(0);
    expect(await deliverDueNotifications(db)).toBe(0);
    expect(hook.received).toHaveLength(1);

    // The engine clears the error: one recovery notice, and the alert is closed.
    await ingest(db, tenantId, { users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: null }] });
    expect(await evaluateTenantAlerts(db, tenantId)).toBe(1);
    await deliverDueNotifications(db);
    expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['alert', 'recovery']);
    const states = await db.select().from(alertStates).where(and(eq(alertStates.tenantId, tenantId), eq(alertStates.ruleId, rule.id)));
    expect(states).toHaveLength(1);
    expect(states[0]!.closedAt).not.toBeNull();
  });

  it('retries a receiver that is down and ends failed, keeping its answer', async () => {
    const { db } = database();
    const down = await receiver(503);
    servers.push(down.server);
    const { rule } = await ruleWithChannel(boss, down.url);
    await ingest(db, tenantId, { users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: ERROR }] });
    await evaluateTenantAlerts(db, tenantId);
    // Time moves past each backoff instead of being waited for.
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueNotifications(db, { now: () => new Date(now) })).toBe(1);
      const [state] = await notificationsOf(rule.id);
      expect(state).toMatchObject({ attempts: attempt, responseCode: 503, status: attempt < MAX_ATTEMPTS ? 'retrying' : 'failed' });
      // Not due again before its backoff.
      expect(await deliverDueNotifications(db, { now: () => new Date(now + 1_000) })).toBe(0);
      now = state!.nextAttemptAt.getTime() + 1;
    }
    expect(await deliverDueNotifications(db, { now: () => new Date(now + 86_400_000) })).toBe(0);
    // Every attempt carried the same idempotency key.
    expect(new Set(down.received.map((r) => r.headers[DELIVERY_HEADER])).size).toBe(1);
    expect(down.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("keeps a profile admin's rule to their profiles, even with another profile written into it", async () => {
    const { db } = database();
    const opsId = await profileIdOf(db, tenantId, 'ops');
    const { rule } = await ruleWithChannel(lead, hook.url, [await profileIdOf(db, tenantId, 'sales'), opsId]);
    await ingest(db, tenantId, {
      users: [
        { email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: ERROR },
        { email: 'bob@t.test', name: 'Bob', profileId: 'ops', syncError: ERROR },
      ],
    });
    await evaluateTenantAlerts(db, tenantId);
    expect((await notificationsOf(rule.id)).map((n) => (n.payload as { user: { email: string } }).user.email)).toEqual(['ann@t.test']);
    expect(await deliverDueNotifications(db)).toBe(1);
    expect(hook.received.map((r) => JSON.parse(r.body).user.email)).toEqual(['ann@t.test']);
  });

  it('fires from ingestion: the batch that disables a user is followed by its webhook within seconds, through the queue on PostgreSQL', async () => {
    const { rule } = await ruleWithChannel(boss, hook.url);
    const token = (await createIngestionToken('command-line', { tenantId, name: 'engine' })).token;
    // On PostgreSQL through the job queue (pg-boss), on the embedded database in-process.
    await startAlerts({ queuePollingSeconds: 0.5 });
    try {
      const posted = Date.now();
      const response = await postBatch(
        new Request('http://panel.test/api/ingest/v1/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ users: [{ email: 'bob@t.test', name: 'Bob', profileId: 'ops', syncError: ERROR }] }),
        }),
      );
      expect(response.status).toBe(200);
      await vi.waitFor(() => expect(hook.received).toHaveLength(1), { timeout: 5_000, interval: 20 });
      expect(Date.now() - posted).toBeLessThan(5_000);
      expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ event: 'alert', rule: { id: rule.id }, user: { email: 'bob@t.test' } });
    } finally {
      await stopAlerts();
    }
  });

  it('queues and sends once when evaluations and deliveries run at the same time', async () => {
    const { db } = database();
    const { rule } = await ruleWithChannel(boss, hook.url);
    await ingest(db, tenantId, { users: [{ email: 'ann@t.test', name: 'Ann', profileId: 'sales', syncError: ERROR }, { email: 'bob@t.test', name: 'Bob', profileId: 'ops', syncError: ERROR }] });
    const queued = await Promise.all(Array.from({ length: 4 }, () => evaluateTenantAlerts(db, tenantId)));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(2);
    const sent = await Promise.all(Array.from({ length: 4 }, () => deliverDueNotifications(db)));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(2);
    expect(hook.received).toHaveLength(2);
    expect((await notificationsOf(rule.id)).every((n) => n.status === 'sent')).toBe(true);
  });
});

it('refuses webhook targets in the panel’s own network unless allowed', async () => {
  expect(await webhookTargetProblem('http://example.com/hook', false)).toBe('The webhook URL must start with https://.');
  for (const target of ['https://127.0.0.1/hook', 'https://10.1.2.3/hook', 'https://192.168.0.9/hook', 'https://169.254.169.254/latest', 'https://[::1]/hook', 'https://[fd00::1]/hook', 'https://localhost/hook']) {
    expect(await webhookTargetProblem(target, false), target).toMatch(/private, loopback or link-local/);
  }
  expect(await webhookTargetProblem('https://user:pw@hooks.example.com/x', false)).toMatch(/user name or password/);
  expect(await webhookTargetProblem('ftp://hooks.example.com/x', true)).toMatch(/https/);
  expect(await webhookTargetProblem('http://127.0.0.1:9/hook', true)).toBeNull();
});
