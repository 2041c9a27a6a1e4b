// Users and profiles that leave: the engine reports them `removed: true`; they leave the lists,
// the counts and sync-state, stay findable under the Removed filter with their sessions, come
// back when reported again, and every change is audited as the sync engine's. A profile that
// still has users cannot be removed unless the same batch moves or removes them (422 by path).
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { auditEvents, auditEventUsers, syncSessions } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { getSyncState, type SyncState } from '@/lib/ingest/sync-state';
import { countProfilesByStatus, listProfiles, type ProfileListQuery } from '@/lib/profiles/list-profiles';
import { bulkSetUsersSyncEnabled } from '@/lib/sync-status/bulk-set-sync-enabled';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { getUser } from '@/lib/users/get-user';
import { countUsers, listUsers, type UserListQuery } from '@/lib/users/list-users';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const AT = '2026-11-30T10:00:00Z';

describeEachDatabase('users and profiles the sync engine removes', (database) => {
  let tenantId: string;
  let token: string;
  let boss: TenantViewer;

  const post = async (body: unknown) => {
    const response = await postBatch(
      new Request('http://panel.test/api/ingest/v1/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as { error?: string; details?: { path: string; message: string }[] } };
  };
  const userQuery = (over: Partial<UserListQuery> = {}): UserListQuery => ({ status: null, q: null, sort: 'name', direction: 'asc', pageSize: 100, page: { after: null, before: null }, ...over });
  const listed = async (over: Partial<UserListQuery> = {}) => (await listUsers(boss, userQuery(over))).rows.map((u) => u.email);
  const profileQuery = (status: ProfileListQuery['status'] = null): ProfileListQuery => ({ status, direction: 'asc', pageSize: 100, page: { after: null, before: null } });
  const profileNames = async (status: ProfileListQuery['status'] = null) => (await listProfiles(boss, profileQuery(status))).rows.map((p) => p.name);
  const state = async () => JSON.parse((await getSyncState(tenantId)).body) as SyncState;
  const engineEvents = async (action: string) =>
    database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action)));

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    token = (await createIngestionToken('command-line', { tenantId, name: 'engine' })).token;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'legacy', name: 'Legacy' },
      ],
      users: [
        { email: 'ann@t.test', name: 'Ann', profileId: 'sales' },
        { email: 'bob@t.test', name: 'Bob', profileId: 'sales', syncError: { reason: 'Mailbox rejected the credentials', at: AT } },
        { email: 'lee@t.test', name: 'Lee', profileId: 'legacy' },
      ],
      sessions: [{ id: 's-bob', userEmail: 'bob@t.test', startedAt: AT, endedAt: AT, status: 'error' }],
    });
    ({ boss } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'sales')));
  });

  it('a removed user leaves the lists, the counts and sync-state, keeps their sessions, and is audited as the engine’s', async () => {
    expect(await listed({ status: 'error' })).toEqual(['bob@t.test']);
    // Only the key is needed to remove.
    expect(await post({ users: [{ email: 'bob@t.test', removed: true }] })).toMatchObject({ status: 200 });

    expect(await listed()).toEqual(['ann@t.test', 'lee@t.test']);
    expect(await listed({ status: 'error' })).toEqual([]);
    expect(await listed({ status: 'removed' })).toEqual(['bob@t.test']);
    expect((await countUsers(boss, { status: null, q: null })).count).toBe(2);
    expect((await listProfiles(boss, profileQuery())).rows.find((p) => p.name === 'Sales')).toMatchObject({ users: 1, usersInError: 0 });
    expect((await state()).users.map((u) => u.email)).toEqual(['ann@t.test', 'lee@t.test']);
    const bob = (await listUsers(boss, userQuery({ status: 'removed' }))).rows[0]!;
    expect(bob.effectiveStatus).toBe('removed');
    expect((await getUser(boss, bob.id)).removedAt).not.toBeNull();
    const sessions = await database().db.select().from(syncSessions).where(and(eq(syncSessions.tenantId, tenantId), eq(syncSessions.userId, bob.id)));
    expect(sessions).toHaveLength(1);

    const [event] = await engineEvents('users.engine_remove');
    expect(event).toMatchObject({ actorLabel: 'sync engine', actorAdminId: null, targetType: 'users', targetLabel: '1 user' });
    const listedUsers = await database().db.select().from(auditEventUsers).where(eq(auditEventUsers.eventId, event!.id));
    expect(listedUsers.map((u) => [u.email, u.statusBefore])).toEqual([['bob@t.test', 'error']]);

    // A replay changes nothing and records nothing.
    expect(await post({ users: [{ email: 'bob@t.test', removed: true }] })).toMatchObject({ status: 200 });
    expect(await engineEvents('users.engine_remove')).toHaveLength(1);
    // Sessions may still arrive for them (the engine's last reports), and the switches are out of reach.
    expect(await post({ sessions: [{ id: 's-bob-2', userEmail: 'bob@t.test', startedAt: AT, status: 'canceled' }] })).toMatchObject({ status: 200 });
    expect((await listed({ status: 'removed' }))).toEqual(['bob@t.test']);
    await expect(setUserSyncEnabled({ viewer: boss, userId: bob.id, enabled: false })).rejects.toMatchObject({ status: 409 });
    const bulk = await bulkSetUsersSyncEnabled({ viewer: boss, target: { kind: 'all', filter: { status: 'removed', q: null }, except: [] }, enabled: false });
    expect(bulk.changed).toBe(0);
  });

  it('a removed user reported again comes back, audited', async () => {
    expect(await post({ users: [{ email: 'bob@t.test', name: 'Bob', profileId: 'sales' }] })).toMatchObject({ status: 200 });
    expect(await listed()).toEqual(['ann@t.test', 'bob@t.test', 'lee@t.test']);
    expect(await listed({ status: 'removed' })).toEqual([]);
    // Their old error counts again: nothing the admin did cleared it.
    expect(await listed({ status: 'error' })).toEqual(['bob@t.test']);
    expect((await state()).users.map((u) => u.email)).toContain('bob@t.test');
    const [event] = await engineEvents('users.engine_restore');
    expect(event).toMatchObject({ actorLabel: 'sync engine', targetLabel: '1 user' });
    const listedUsers = await database().db.select().from(auditEventUsers).where(eq(auditEventUsers.eventId, event!.id));
    expect(listedUsers.map((u) => [u.email, u.statusBefore])).toEqual([['bob@t.test', 'removed']]);
  });

  it('refuses by path what cannot be removed or is missing, writing nothing', async () => {
    const before = await listed();
    const unknown = await post({ users: [{ email: 'ann@t.test', removed: true }, { email: 'nobody@t.test', removed: true }], profiles: [{ id: 'nope', removed: true }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([
      { path: 'profiles[0].id', message: 'unknown profile "nope"' },
      { path: 'users[1].email', message: 'unknown user "nobody@t.test"' },
    ]);
    const incomplete = await post({ users: [{ email: 'new@t.test' }], profiles: [{ id: 'p2' }] });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details).toEqual([
      { path: 'profiles[0].name', message: 'is required unless "removed" is true' },
      { path: 'users[0].name', message: 'is required unless "removed" is true' },
      { path: 'users[0].profileId', message: 'is required unless "removed" is true' },
    ]);
    // A profile with users: refused, unless they are moved or removed in the same batch.
    const occupied = await post({ profiles: [{ id: 'legacy', removed: true }], users: [{ email: 'ann@t.test', removed: true }] });
    expect(occupied.status).toBe(422);
    expect(occupied.body).toEqual({
      error: 'A removed profile would keep users; nothing was written.',
      details: [{ path: 'profiles[0]', message: 'profile "legacy" still has 1 user: move them to another profile or remove them in the same batch' }],
    });
    // Moving a user into a profile removed in the same batch is refused at the user.
    const into = await post({ profiles: [{ id: 'sales', removed: true }], users: [{ email: 'ann@t.test', removed: true }, { email: 'bob@t.test', name: 'Bob', profileId: 'sales' }] });
    expect(into.status).toBe(422);
    expect(into.body.details).toEqual([
      { path: 'profiles[0]', message: 'profile "sales" still has 1 user: move them to another profile or remove them in the same batch' },
      { path: 'users[1].profileId', message: 'profile "sales" is removed: report it again to bring it back, or name another profile' },
    ]);
    expect(await listed()).toEqual(before);
    expect(await engineEvents('users.engine_remove')).toHaveLength(1);
  });

  it('removes a profile once its users are moved in the same batch, and brings it back when reported again', async () => {
    expect(await post({ profiles: [{ id: 'legacy', removed: true }], users: [{ email: 'lee@t.test', name: 'Lee', profileId: 'sales' }] })).toMatchObject({ status: 200 });
    expect(await profileNames()).toEqual(['Sales']);
    expect(await profileNames('removed')).toEqual(['Legacy']);
    expect(await countProfilesByStatus(boss)).toEqual({ enabled: 1, disabled: 0 });
    expect((await state()).profiles.map((p) => p.id)).toEqual(['sales']);
    const [removal] = await engineEvents('profile.engine_remove');
    expect(removal).toMatchObject({ actorLabel: 'sync engine', targetType: 'profile', targetLabel: 'Legacy' });
    // A user may not join it while it is removed…
    const joining = await post({ users: [{ email: 'lee@t.test', name: 'Lee', profileId: 'legacy' }] });
    expect(joining.status).toBe(422);
    expect(joining.body.details).toEqual([{ path: 'users[0].profileId', message: 'profile "legacy" is removed: report it again to bring it back, or name another profile' }]);
    // …but may once the engine reports it again.
    expect(await post({ profiles: [{ id: 'legacy', name: 'Legacy' }], users: [{ email: 'lee@t.test', name: 'Lee', profileId: 'legacy' }] })).toMatchObject({ status: 200 });
    expect(await profileNames()).toEqual(['Legacy', 'Sales']);
    expect((await state()).profiles.map((p) => p.id)).toEqual(['legacy', 'sales']);
    expect(await engineEvents('profile.engine_restore')).toHaveLength(1);
  });
});
