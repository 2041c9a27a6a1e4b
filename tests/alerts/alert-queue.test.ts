// The alerts' job queue on PostgreSQL (pg-boss): a notification's job is inserted in the same
// transaction as the notification (a rolled-back evaluation leaves none); a failed send leaves the
// notification "retrying" with a job for exactly its next attempt; and two instances' workers on
// one queue — two processes' pools — deliver each notification once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, queryRows, setDatabase, type DatabaseHandle } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { startAlerts, stopAlerts } from '@/lib/alerts/alert-runner';
import { deliverNotification } from '@/lib/alerts/deliver-notifications';
import { DELIVERY_QUEUE, scheduleDelivery, type DeliveryJob } from '@/lib/alerts/delivery-queue';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import { DELIVERY_HEADER } from '@/lib/alerts/send-webhook';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

vi.stubEnv('ALERTS_ALLOW_PRIVATE_TARGETS', '1');

describe.runIf(serverUrl)('the alerts job queue [postgres]', () => {
  let database: TestDatabase;
  let status = 200;
  const deliveries: string[] = [];
  let server: Server;
  let hookUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    setDatabase(database.handle);
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        deliveries.push(String(request.headers[DELIVERY_HEADER]));
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await startAlerts({ queuePollingSeconds: 0.5 });
  });

  afterAll(async () => {
    await stopAlerts();
    server.close();
    setDatabase(undefined);
    await database.drop();
  });

  beforeEach(() => {
    deliveries.length = 0;
    status = 200;
  });

  async function tenantWithRule(users: number) {
    const { db } = database.handle;
    const tenantId = (await createTenant(db)).id;
    const emails = Array.from({ length: users }, (_, i) => `u${i}@t.test`);
    await ingest(db, tenantId, { profiles: [{ id: 'sales', name: 'Sales' }], users: emails.map((email) => ({ email, name: email, profileId: 'sales' })) });
    const { boss } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales'));
    const [channel] = await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Hook', target: hookUrl, secret: 'k', createdByLabel: 'boss' }).returning();
    const [rule] = await db.insert(alertRules).values({ tenantId, kind: 'user_error', name: 'Errors', ownerAdminId: boss.adminId, enabled: true }).returning();
    await db.insert(alertRuleChannels).values({ tenantId, ruleId: rule!.id, channelId: channel!.id });
    const fail = (some: string[]) => ingest(db, tenantId, { users: some.map((email) => ({ email, name: email, profileId: 'sales', syncError: { reason: 'x', at: new Date(Date.now() - 60_000).toISOString() } })) });
    return { tenantId, ruleId: rule!.id, emails, fail };
  }

  const jobsFor = (id: string) =>
    queryRows<{ state: string; start_after: Date }>(database.handle.db, sql`select state, start_after from pgboss.job where name = ${DELIVERY_QUEUE} and data->>'id' = ${id} order by created_on`);

  it('inserts no job for a notification whose transaction rolled back', async () => {
    const id = '00000000-0000-4000-8000-00000000beef';
    await expect(
      runTransaction(database.handle.db, { statementTimeoutMs: 5_000, lockTimeoutMs: 5_000 }, async (tx) => {
        await scheduleDelivery(tx, [{ tenantId: id, id }]);
        throw new Error('the evaluation failed');
      }),
    ).rejects.toThrow('the evaluation failed');
    expect(await jobsFor(id)).toEqual([]);
  });

  it('leaves a failed send retrying, with a job for its next attempt', async () => {
    status = 503;
    const { tenantId, ruleId, emails, fail } = await tenantWithRule(1);
    await fail(emails);
    await evaluateTenantAlerts(database.handle.ingestDb, tenantId);
    const [notification] = await database.handle.db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, ruleId)));
    await vi.waitFor(async () => expect(deliveries).toHaveLength(1), { timeout: 5_000, interval: 50 });
    await vi.waitFor(
      async () => {
        const [row] = await database.handle.db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.id, notification!.id)));
        expect(row).toMatchObject({ status: 'retrying', attempts: 1, responseCode: 503 });
        const waiting = (await jobsFor(notification!.id)).filter((job) => job.state === 'created');
        expect(waiting).toHaveLength(1);
        // The retry's job starts when the notification says its next attempt is: 30 s after this one.
        expect(Math.abs(new Date(waiting[0]!.start_after).getTime() - row!.nextAttemptAt.getTime())).toBeLessThan(1_000);
        expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(20_000);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it('delivers each notification once with two instances working the queue', async () => {
    // A second instance: its own pools and its own pg-boss worker on the same queue.
    const second: DatabaseHandle = openDatabase({ driver: 'postgres', url: database.url! });
    const otherBoss = new PgBoss({ connectionString: database.url!, max: 2, schema: 'pgboss', schedule: false, supervise: false, migrate: false });
    await otherBoss.start();
    await otherBoss.work<DeliveryJob>(DELIVERY_QUEUE, { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      await Promise.all(jobs.map((job) => deliverNotification(second.ingestDb, job.data)));
    });
    try {
      const { tenantId, ruleId, emails, fail } = await tenantWithRule(40);
      // Alerts in four waves (and digests beyond five a channel hears within the hour).
      for (let wave = 0; wave < 4; wave++) {
        await fail(emails.slice(wave * 10, wave * 10 + 10));
        await Promise.all([evaluateTenantAlerts(database.handle.ingestDb, tenantId), evaluateTenantAlerts(second.ingestDb, tenantId)]);
      }
      const queued = await database.handle.db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, ruleId)));
      await vi.waitFor(async () => expect(deliveries).toHaveLength(queued.length), { timeout: 10_000, interval: 50 });
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // any second delivery would come by now
      expect([...deliveries].sort()).toEqual(queued.map((n) => n.idempotencyKey).sort());
      const sent = await database.handle.db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, ruleId)));
      expect(sent.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
    } finally {
      await otherBoss.stop({ graceful: true, wait: true });
      await second.close();
    }
  });
});
