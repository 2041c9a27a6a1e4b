// Two app instances on one PostgreSQL database — two sets of pools, as two processes have — both
// evaluating and sending after every batch and on their schedule: over rounds in which users go
// into error and recover, each alert and each recovery reaches the receiver exactly once (by
// idempotency key), and every notification ends sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';
import { alertChannels, alertNotifications, alertRuleChannels, alertRules } from '@/db/schema';
import { deliverDueNotifications } from '@/lib/alerts/deliver-notifications';
import { evaluateTenantAlerts } from '@/lib/alerts/evaluate-alerts';
import { DELIVERY_HEADER } from '@/lib/alerts/send-webhook';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

vi.stubEnv('ALERTS_ALLOW_PRIVATE_TARGETS', '1');

const USERS = 12;
const ROUNDS = 6;

describe.runIf(serverUrl)('alerts from two app instances on one database [postgres]', () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  let server: Server;
  const deliveries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    setDatabase(database.handle);
    second = openDatabase({ driver: 'postgres', url: database.url! });
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        deliveries.push(String(request.headers[DELIVERY_HEADER]));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.close();
    await second.close();
    setDatabase(undefined);
    await database.drop();
  });

  it('sends every alert and recovery exactly once', async () => {
    const { db } = database.handle;
    const tenantId = (await createTenant(db)).id;
    const emails = Array.from({ length: USERS }, (_, i) => `u${i}@t.test`);
    await ingest(db, tenantId, { profiles: [{ id: 'sales', name: 'Sales' }], users: emails.map((email) => ({ email, name: email, profileId: 'sales' })) });
    const { boss } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales'));
    const [channel] = await db.insert(alertChannels).values({ tenantId, kind: 'webhook', name: 'Hook', target: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: 'k', createdByLabel: 'boss' }).returning();
    const [rule] = await db.insert(alertRules).values({ tenantId, kind: 'user_error', name: 'Errors', ownerAdminId: boss.adminId, enabled: true }).returning();
    await db.insert(alertRuleChannels).values({ tenantId, ruleId: rule!.id, channelId: channel!.id });
    // Each round changes more users than a channel hears one by one within an hour, so later
    // rounds come as digests: those too must arrive once.
    const instances = [database.handle, second];
    for (let round = 0; round < ROUNDS; round++) {
      // Odd users fail in even rounds and recover in odd ones; the rest flip the other way.
      const users = emails.map((email, i) => ({ email, name: email, profileId: 'sales', syncError: (i + round) % 2 === 0 ? { reason: `round ${round}`, at: new Date(Date.now() - 60_000).toISOString() } : null }));
      await ingest(db, tenantId, { users });
      await Promise.all(instances.flatMap((instance) => [evaluateTenantAlerts(instance.ingestDb, tenantId), evaluateTenantAlerts(instance.ingestDb, tenantId), deliverDueNotifications(instance.ingestDb)]));
      await Promise.all(instances.map((instance) => deliverDueNotifications(instance.ingestDb)));
    }
    await Promise.all(instances.map((instance) => deliverDueNotifications(instance.ingestDb)));
    const queued = await db.select().from(alertNotifications).where(and(eq(alertNotifications.tenantId, tenantId), eq(alertNotifications.ruleId, rule!.id)));
    expect(queued.length).toBeGreaterThan(ROUNDS);
    expect(queued.every((notification) => notification.status === 'sent' && notification.attempts === 1)).toBe(true);
    // Each queued notification arrived once, and nothing else did.
    expect([...deliveries].sort()).toEqual(queued.map((notification) => notification.idempotencyKey).sort());
    // Every alert and every recovery of every user is in them: individually or counted in a digest.
    const counted = queued.reduce((sum, notification) => {
      const payload = notification.payload as { event: string; figures: { alerts?: number; recoveries?: number } };
      return sum + (payload.event === 'digest' ? (payload.figures.alerts ?? 0) + (payload.figures.recoveries ?? 0) : 1);
    }, 0);
    // Round 0 opens alerts for half the users; every later round closes those and opens the other half's.
    expect(counted).toBe(USERS / 2 + (ROUNDS - 1) * USERS);
  });
});
