import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { syncSessions, users } from '@/db/schema';
import { IngestReferenceError } from '@/lib/ingest/resolve-references';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { snapshotTenant } from '../support/snapshot';

const directory = {
  profiles: [{ id: 'engine-profile-id', name: 'Sales' }],
  users: [
    {
      email: 'Jane@Acme.test',
      name: 'Jane Roe',
      profileId: 'engine-profile-id',
      syncError: { reason: 'Mailbox rejected the credentials', at: '2026-11-26T10:00:31Z' },
    },
  ],
};
const session = {
  id: 'engine-session-id',
  userEmail: 'jane@acme.test',
  startedAt: '2026-11-26T10:00:00Z',
  endedAt: '2026-11-26T10:00:31Z',
  status: 'success' as const,
  scope: 120,
  changes: 3,
  issues: 1,
  log: 'line one\nline two\n',
};
const issue = {
  id: 'engine-issue-id',
  userEmail: 'jane@acme.test',
  sessionId: 'engine-session-id',
  occurredAt: '2026-11-26T10:00:20Z',
  type: 'contact' as const,
  direction: 'outlook_to_salesforce' as const,
  name: 'John Smith',
  operation: 'update' as const,
  errorCode: 1,
  description: 'UNABLE_TO_LOCK_ROW',
  errorSource: 'crm' as const,
  targetObjectId: '003XX0000001',
};

const snapshot = snapshotTenant;

describeEachDatabase('writing a sync-engine batch', (database) => {
  it('writes the documented example batch, and a replay changes nothing', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const batch = { ...directory, sessions: [session], issues: [issue] };
    expect(await ingest(db, tenant.id, batch)).toEqual({ profiles: 1, users: 1, sessions: 1, issues: 1, outsideRetention: { sessions: 0, issues: 0 } });
    const before = await snapshot(db, tenant.id);
    expect(before).toContain('jane@acme.test');
    await ingest(db, tenant.id, batch);
    expect(await snapshot(db, tenant.id)).toBe(before);
  });

  it('moves sessions forward only and never changes a final one', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await ingest(db, tenant.id, { ...directory, sessions: [{ ...session, status: 'started', endedAt: null, log: null }] });
    await ingest(db, tenant.id, { sessions: [{ ...session, status: 'ready', endedAt: null }] });
    const statusOf = async () =>
      (await db.select({ status: syncSessions.status, hasLog: syncSessions.hasLog }).from(syncSessions).where(eq(syncSessions.tenantId, tenant.id)))[0];
    expect(await statusOf()).toEqual({ status: 'started', hasLog: false });
    await ingest(db, tenant.id, { sessions: [session] });
    expect(await statusOf()).toEqual({ status: 'success', hasLog: true });
    await ingest(db, tenant.id, { sessions: [{ ...session, status: 'error', message: 'late' }] });
    expect(await statusOf()).toEqual({ status: 'success', hasLog: true });
  });

  it('writes nothing when a reference is unknown, and names every problem by path', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const attempt = ingest(db, tenant.id, {
      ...directory,
      users: [...directory.users, { email: 'x@acme.test', name: 'X', profileId: 'no-such-profile' }],
      sessions: [session, { ...session, id: 'other', userEmail: 'ghost@acme.test' }],
      issues: [{ ...issue, sessionId: 'no-such-session' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(IngestReferenceError);
    await attempt.catch((error: IngestReferenceError) =>
      expect(error.problems.map((p) => p.path)).toEqual(['users[1].profileId', 'sessions[1].userEmail', 'issues[0].sessionId']),
    );
    expect(await snapshot(db, tenant.id)).toBe('');
  });

  it('keeps tenants apart: another tenant reusing the same engine ids and emails leaves the first untouched', async () => {
    const { db } = database();
    const acme = await createTenant(db);
    const globex = await createTenant(db);
    await ingest(db, acme.id, { ...directory, sessions: [session], issues: [issue] });
    const acmeBefore = await snapshot(db, acme.id);
    await ingest(db, globex.id, {
      profiles: [{ id: 'engine-profile-id', name: 'Globex Sales' }],
      users: [{ ...directory.users[0]!, name: 'Globex Jane', syncError: null }],
      sessions: [{ ...session, status: 'error', message: 'globex' }],
      issues: [{ ...issue, name: 'Globex contact' }],
    });
    expect(await snapshot(db, acme.id)).toBe(acmeBefore);
    await expect(ingest(db, globex.id, { sessions: [{ ...session, id: 'g2', userEmail: 'only-in-acme@acme.test' }] })).rejects.toThrow(
      IngestReferenceError,
    );
  });

  it('sets and clears a user\'s sync error only when the batch says so', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await ingest(db, tenant.id, directory);
    const errorOf = async () =>
      (await db.select({ reason: users.syncErrorReason }).from(users).where(eq(users.tenantId, tenant.id)))[0]!.reason;
    expect(await errorOf()).toBe('Mailbox rejected the credentials');
    await ingest(db, tenant.id, { users: [{ email: 'jane@acme.test', name: 'Jane Roe', profileId: 'engine-profile-id' }] });
    expect(await errorOf()).toBe('Mailbox rejected the credentials');
    await ingest(db, tenant.id, { users: [{ email: 'jane@acme.test', name: 'Jane Roe', profileId: 'engine-profile-id', syncError: null }] });
    expect(await errorOf()).toBeNull();
  });
});
