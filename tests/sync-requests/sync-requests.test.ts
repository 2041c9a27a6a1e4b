// Sync now: a request per Enabled user at most once a minute (after their last session start
// or request), numbered per tenant in commit order for the engine's feed, answered by the
// session the engine names, audited; two clicks at the same moment make one request.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { auditEvents, auditEventUsers, syncRequests, users } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { IngestReferenceError } from '@/lib/ingest/resolve-references';
import { latestSyncRequest } from '@/lib/sync-requests/latest-sync-request';
import { requestUsersSync, requestUserSync } from '@/lib/sync-requests/request-sync';
import { readSyncRequestFeed } from '@/lib/sync-requests/sync-request-feed';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

describeEachDatabase('Sync now', (database, driver) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  const idOf = async (email: string) => (await database().db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, email))))[0]!.id;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'support', name: 'Support' },
      ],
      users: [
        { email: 'ann@t.test', name: 'Ann', profileId: 'sales' },
        { email: 'bob@t.test', name: 'Bob', profileId: 'sales' },
        { email: 'cid@t.test', name: 'Cid', profileId: 'support' },
        { email: 'err@t.test', name: 'Err', profileId: 'sales', syncError: { reason: 'Mailbox rejected the credentials', at: minutesAgo(5) } },
        // For the race: users no other test asks for.
        { email: 'dee@t.test', name: 'Dee', profileId: 'support' },
        { email: 'eve@t.test', name: 'Eve', profileId: 'support' },
        { email: 'fay@t.test', name: 'Fay', profileId: 'support' },
      ],
      sessions: [{ id: 'bob-recent', userEmail: 'bob@t.test', startedAt: minutesAgo(0.5), status: 'started' }],
    });
    ({ boss, lead } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
  });

  beforeEach(async () => {
    await database().db.delete(syncRequests).where(eq(syncRequests.tenantId, tenantId));
  });

  it('asks for an Enabled user once a minute, and the engine reads it from its feed', async () => {
    const ann = await idOf('ann@t.test');
    const made = await requestUserSync(boss, ann);
    const feed = await readSyncRequestFeed(tenantId, 0, 100);
    expect(feed.requests).toEqual([{ id: made.id, seq: 1, userEmail: 'ann@t.test', profileId: 'sales', requestedAt: made.requestedAt }]);
    expect(feed.next).toBe(1);
    expect(await readSyncRequestFeed(tenantId, 1, 100)).toEqual({ requests: [], next: 1 });
    // A second click within the minute: refused with when it becomes possible.
    const refused = await requestUserSync(boss, ann).catch((error) => error);
    expect(refused).toMatchObject({ status: 429 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.message).toMatch(/possible again at \d\d:\d\d:\d\d UTC/);
    const [audited] = await database().db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'user.sync_request')));
    expect(audited).toMatchObject({ targetType: 'user', targetId: ann, targetLabel: 'ann@t.test', actorLabel: boss.email });
  });

  it('refuses a user whose session started less than a minute ago, one not Enabled, and one out of scope', async () => {
    await expect(requestUserSync(boss, await idOf('bob@t.test'))).rejects.toMatchObject({ status: 429 });
    await expect(requestUserSync(boss, await idOf('err@t.test'))).rejects.toMatchObject({ status: 409 });
    await expect(requestUserSync(lead, await idOf('cid@t.test'))).rejects.toMatchObject({ status: 404 });
    expect((await readSyncRequestFeed(tenantId, 0, 100)).requests).toEqual([]);
  });

  it('asks for many users at once, leaving out those not ready, as one audited event', async () => {
    const except = await Promise.all(['dee@t.test', 'eve@t.test', 'fay@t.test'].map(idOf));
    const result = await requestUsersSync(boss, { kind: 'all', filter: { status: null, q: null }, except });
    // Ann and Cid: Bob started a session half a minute ago, Err is disabled due to an error.
    expect(result.requested).toBe(2);
    const feed = await readSyncRequestFeed(tenantId, 0, 100);
    expect(feed.requests.map((r) => r.userEmail).sort()).toEqual(['ann@t.test', 'cid@t.test']);
    expect(feed.requests.map((r) => r.seq)).toEqual([1, 2]);
    const listed = await database().db.select().from(auditEventUsers).where(eq(auditEventUsers.eventId, result.auditEventId!));
    expect(listed.map((u) => u.email).sort()).toEqual(['ann@t.test', 'cid@t.test']);
    // A profile admin's "all" stays in their profile: Ann was just asked for, so none is left.
    expect((await requestUsersSync(lead, { kind: 'all', filter: { status: null, q: null }, except: [] })).requested).toBe(0);
    // The feed pages by its cursor.
    expect((await readSyncRequestFeed(tenantId, 0, 1)).requests.map((r) => r.seq)).toEqual([1]);
    expect((await readSyncRequestFeed(tenantId, 1, 1)).requests.map((r) => r.seq)).toEqual([2]);
    expect((await readSyncRequestFeed(tenantId, 1, 1)).next).toBe(2);
  });

  it('links the session the engine reports for a request, and refuses a request id that is not the user’s', async () => {
    const ann = await idOf('ann@t.test');
    const made = await requestUserSync(boss, ann);
    expect(await latestSyncRequest(tenantId, ann)).toMatchObject({ requestedBy: boss.email, session: null });
    const startedAt = new Date().toISOString();
    await expect(ingest(database().db, tenantId, { sessions: [{ id: 'cid-answer', userEmail: 'cid@t.test', startedAt, status: 'started', requestId: made.id }] })).rejects.toBeInstanceOf(
      IngestReferenceError,
    );
    const unknown = await ingest(database().db, tenantId, { sessions: [{ id: 'ann-x', userEmail: 'ann@t.test', startedAt, status: 'started', requestId: '00000000-0000-4000-8000-000000000000' }] }).catch(
      (error: IngestReferenceError) => error.problems,
    );
    expect(unknown).toEqual([{ path: 'sessions[0].requestId', message: 'unknown sync request "00000000-0000-4000-8000-000000000000"' }]);
    await ingest(database().db, tenantId, { sessions: [{ id: 'ann-answer', userEmail: 'ann@t.test', startedAt, status: 'started', requestId: made.id }] });
    const answered = await latestSyncRequest(tenantId, ann);
    expect(answered?.session?.startedAt).toBe(startedAt);
    // A replay, or a later session naming the same request, keeps the first answer.
    await ingest(database().db, tenantId, { sessions: [{ id: 'ann-later', userEmail: 'ann@t.test', startedAt: new Date(Date.now() + 1000).toISOString(), status: 'started', requestId: made.id }] });
    expect((await latestSyncRequest(tenantId, ann))?.session).toEqual(answered?.session);
  });

  it.runIf(driver === 'postgres')('makes one request of many clicks at the same moment, and numbers parallel requests without gaps', async () => {
    const [dee, eve, fay] = (await Promise.all(['dee@t.test', 'eve@t.test', 'fay@t.test'].map(idOf))) as [string, string, string];
    const clicks = await Promise.allSettled(Array.from({ length: 8 }, () => requestUserSync(boss, dee)));
    expect(clicks.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    expect(clicks.filter((c) => c.status === 'rejected').every((c) => (c as PromiseRejectedResult).reason.status === 429)).toBe(true);
    // One click and a bulk request naming the same user at once: that user is asked for once.
    await Promise.allSettled([requestUserSync(boss, eve), requestUsersSync(boss, { kind: 'chosen', ids: [eve, fay] }), requestUsersSync(boss, { kind: 'chosen', ids: [fay, eve] })]);
    const feed = (await readSyncRequestFeed(tenantId, 0, 100)).requests;
    expect(feed.map((r) => r.userEmail).sort()).toEqual(['dee@t.test', 'eve@t.test', 'fay@t.test']);
    expect(feed.map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});
