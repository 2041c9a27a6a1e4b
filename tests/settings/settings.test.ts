// Profile and user settings: precedence, scope, validation, audit, what the engine reads in
// sync-state (and when its ETag changes), and what the engine may report.
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminProfileScopes, admins, auditEvents, profiles, userSettings, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { HttpError } from '@/lib/http/errors';
import { batchSchema } from '@/lib/ingest/batch-schema';
import { getSyncState, type SyncState } from '@/lib/ingest/sync-state';
import { settingDefinition, SETTINGS } from '@/lib/settings/catalog';
import { getProfileSettings, setProfileSetting } from '@/lib/settings/profile-settings';
import { resolveSetting } from '@/lib/settings/resolve-setting';
import { getUserSettings, setUserSetting } from '@/lib/settings/user-settings';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { snapshotTenant } from '../support/snapshot';

describe('which value a user gets', () => {
  const autoSave = settingDefinition('emailAutoSave')!; // catalog default: false
  // profile entry, user's own value -> value, source, locked
  const table = [
    [undefined, undefined, false, 'profile', false],
    [undefined, true, true, 'user', false],
    [{ value: true, forced: false }, undefined, true, 'profile', false],
    [{ value: true, forced: false }, false, false, 'user', false],
    [{ value: true, forced: true }, undefined, true, 'forced', true],
    [{ value: true, forced: true }, false, true, 'forced', true],
    [{ value: false, forced: true }, true, false, 'forced', true],
  ] as const;
  it.each(table)('profile %o, user %o -> %o from %s', (profile, own, value, source, locked) => {
    expect(resolveSetting(autoSave, profile, own)).toEqual({ value, source, locked });
  });
});

describeEachDatabase('settings in the data layer', (database) => {
  let tenantId: string;
  let boss: TenantViewer;
  let salesLead: TenantViewer;
  let salesId: string;
  let supportId: string;
  let annId: string;
  let cidId: string;
  const state = async () => JSON.parse((await getSyncState(tenantId)).body) as SyncState;
  const etag = async () => (await getSyncState(tenantId)).etag;
  const annOf = (s: SyncState) => s.users.find((u) => u.email === 'ann@acme.test')!;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'acme-settings')).id;
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'support', name: 'Support' },
      ],
      users: [
        { email: 'ann@acme.test', name: 'Ann', profileId: 'sales' },
        { email: 'cid@acme.test', name: 'Cid', profileId: 'support' },
      ],
    });
    const profileRows = await db.select().from(profiles).where(eq(profiles.tenantId, tenantId));
    salesId = profileRows.find((p) => p.engineId === 'sales')!.id;
    supportId = profileRows.find((p) => p.engineId === 'support')!.id;
    const userRows = await db.select().from(users).where(eq(users.tenantId, tenantId));
    annId = userRows.find((u) => u.email === 'ann@acme.test')!.id;
    cidId = userRows.find((u) => u.email === 'cid@acme.test')!.id;
    const [b, lead] = await db
      .insert(admins)
      .values([
        { tenantId, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' },
        { tenantId, email: 'lead@acme.test', name: 'Lead', role: 'profile_admin' },
      ])
      .returning();
    await db.insert(adminProfileScopes).values({ tenantId, adminId: lead!.id, profileId: salesId });
    boss = (await loadViewer(db, b!.id)) as TenantViewer;
    salesLead = (await loadViewer(db, lead!.id)) as TenantViewer;
  });

  it('starts from the catalog defaults, not forced, for profiles and users alike', async () => {
    const settings = await getProfileSettings(boss, salesId);
    expect(settings.map((s) => [s.definition.key, s.value, s.forced, s.isSet])).toEqual(SETTINGS.map((d) => [d.key, d.defaultValue, false, false]));
    const ann = annOf(await state());
    expect(ann.settings).toEqual(Object.fromEntries(SETTINGS.map((d) => [d.key, d.defaultValue])));
    expect(ann.lockedSettings).toEqual([]);
  });

  it('refuses unknown settings and bad values with a 400, and out-of-scope profiles and users with a 404', async () => {
    const status = (promise: Promise<unknown>) => promise.then(() => 200, (error: unknown) => (error instanceof HttpError ? error.status : 500));
    expect(await status(setProfileSetting({ viewer: boss, profileId: salesId, key: 'nope', value: true, forced: false }))).toBe(400);
    expect(await status(setProfileSetting({ viewer: boss, profileId: salesId, key: 'emailAutoSave', value: 'yes', forced: false }))).toBe(400);
    expect(await status(setProfileSetting({ viewer: boss, profileId: salesId, key: 'eventSync', value: 'sideways', forced: false }))).toBe(400);
    expect(await status(setUserSetting({ viewer: boss, userId: annId, key: 'syncInterval', value: 15 }))).toBe(400);
    expect(await status(setProfileSetting({ viewer: salesLead, profileId: supportId, key: 'emailAutoSave', value: true, forced: false }))).toBe(404);
    expect(await status(setUserSetting({ viewer: salesLead, userId: cidId, key: 'emailAutoSave', value: true }))).toBe(404);
    expect(await status(getUserSettings(salesLead, cidId))).toBe(404);
    expect((await database().db.select().from(userSettings).where(eq(userSettings.tenantId, tenantId))).length).toBe(0);
  });

  it("sets a user's own value, which the engine sees; setting it to what they already get changes no ETag", async () => {
    const before = await etag();
    // Ann already gets "on" for auto-saving events from the catalog: her own "on" changes nothing the engine sees.
    expect(await setUserSetting({ viewer: salesLead, userId: annId, key: 'eventAutoSave', value: true })).toEqual({ changed: true });
    expect(await etag()).toBe(before);
    expect((await getUserSettings(boss, annId)).find((s) => s.definition.key === 'eventAutoSave')).toMatchObject({ value: true, source: 'user', userValue: true, userValueOrigin: 'admin' });
    await setUserSetting({ viewer: salesLead, userId: annId, key: 'emailAutoSave', value: true });
    expect(await etag()).not.toBe(before);
    expect(annOf(await state()).settings.emailAutoSave).toBe(true);
  });

  it("forces a profile value over the user's own, locks it, audits before and after, and changes the ETag", async () => {
    const before = await etag();
    await setProfileSetting({ viewer: salesLead, profileId: salesId, key: 'emailAutoSave', value: false, forced: true });
    const after = await etag();
    expect(after).not.toBe(before);
    const ann = annOf(await state());
    expect(ann.settings.emailAutoSave).toBe(false);
    expect(ann.lockedSettings).toEqual(['emailAutoSave']);
    expect((await state()).profiles.find((p) => p.id === 'sales')!.settings.emailAutoSave).toEqual({ value: false, forced: true });
    // Cid (Support) is not affected.
    expect((await state()).users.find((u) => u.email === 'cid@acme.test')!.settings.emailAutoSave).toBe(false);
    expect((await state()).users.find((u) => u.email === 'cid@acme.test')!.lockedSettings).toEqual([]);

    const view = (await getUserSettings(boss, annId)).find((s) => s.definition.key === 'emailAutoSave')!;
    expect(view).toMatchObject({ value: false, source: 'forced', locked: true, userValue: true });

    const [event] = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'profile.setting_change')))
      .orderBy(desc(auditEvents.occurredAt));
    expect(event).toMatchObject({
      actorLabel: 'lead@acme.test',
      targetId: salesId,
      targetLabel: 'Sales: Auto-save emails',
      before: { setting: 'emailAutoSave', value: false, forced: false },
      after: { setting: 'emailAutoSave', value: false, forced: true },
    });

    // Saving the same again changes nothing: no audit row, same ETag.
    const audits = (await database().db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId))).length;
    expect(await setProfileSetting({ viewer: boss, profileId: salesId, key: 'emailAutoSave', value: false, forced: true })).toEqual({ changed: false });
    expect((await database().db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId))).length).toBe(audits);
    expect(await etag()).toBe(after);
  });

  it('refuses to change a forced setting on a user (409) and writes nothing', async () => {
    const before = await snapshotTenant(database().db, tenantId);
    await expect(setUserSetting({ viewer: boss, userId: annId, key: 'emailAutoSave', value: false })).rejects.toMatchObject({ status: 409 });
    await expect(setUserSetting({ viewer: boss, userId: annId, key: 'emailAutoSave', value: null })).rejects.toMatchObject({ status: 409 });
    expect(await snapshotTenant(database().db, tenantId)).toBe(before);
  });

  it("audits a user's value with the effective value before and after, and clearing it brings back the profile's", async () => {
    await setProfileSetting({ viewer: boss, profileId: salesId, key: 'syncInterval', value: '60', forced: false });
    await setUserSetting({ viewer: boss, userId: annId, key: 'syncInterval', value: '15' });
    expect(annOf(await state()).settings.syncInterval).toBe('15');
    await setUserSetting({ viewer: boss, userId: annId, key: 'syncInterval', value: null });
    expect(annOf(await state()).settings.syncInterval).toBe('60');
    const [event] = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'user.setting_change')))
      .orderBy(desc(auditEvents.occurredAt));
    expect(event).toMatchObject({
      targetId: annId,
      before: { setting: 'syncInterval', userValue: '15', effective: '15' },
      after: { setting: 'syncInterval', userValue: null, effective: '60' },
    });
  });

  it("stores the user's choices the engine reports, never over a forced value, and a replay changes nothing", async () => {
    const { db } = database();
    const report = {
      users: [{ email: 'ann@acme.test', name: 'Ann', profileId: 'sales', settings: { emailAutoSave: true, taskSync: 'both', eventAutoSave: null } }],
    };
    const before = await etag();
    await ingest(db, tenantId, report);
    const ann = annOf(await state());
    expect(ann.settings.emailAutoSave).toBe(false); // forced by Sales
    expect(ann.settings.taskSync).toBe('both');
    expect(ann.settings.eventAutoSave).toBe(true); // cleared: the profile's (catalog) value
    expect(await etag()).not.toBe(before);
    const stored = await db.select().from(userSettings).where(and(eq(userSettings.tenantId, tenantId), eq(userSettings.userId, annId)));
    // The admin's earlier own value for emailAutoSave stays as it was; the engine's report of it was ignored.
    expect(stored.map((s) => [s.key, s.value, s.origin]).sort()).toEqual([
      ['emailAutoSave', true, 'admin'],
      ['taskSync', 'both', 'engine'],
    ]);
    const snapshot = await snapshotTenant(db, tenantId);
    const tag = await etag();
    await ingest(db, tenantId, report);
    expect(await snapshotTenant(db, tenantId)).toBe(snapshot);
    expect(await etag()).toBe(tag);
  });

  it('validates reported settings by path', () => {
    const parsed = batchSchema.safeParse({ users: [{ email: 'ann@acme.test', name: 'Ann', profileId: 'sales', settings: { nope: true, eventSync: 'sideways', emailAutoSave: 'yes' } }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['users.0.settings.emailAutoSave', 'users.0.settings.eventSync', 'users.0.settings.nope']);
  });
});
