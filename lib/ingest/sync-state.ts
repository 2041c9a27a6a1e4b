import 'server-only';
// What the sync engine must obey: each profile's and user's switch and settings, by the
// engine's own ids — for the directory as it stands: users and profiles it reported removed are
// not in it. Deterministic order, so the ETag (a hash of the document) changes exactly
// when something in it does.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { profileSettings, profiles, userSettings, users } from '@/db/schema';
import { SETTINGS, type SettingValue } from '@/lib/settings/catalog';
import { profileValue, resolveSetting, type ProfileSettingEntry } from '@/lib/settings/resolve-setting';

export interface SyncState {
  profiles: { id: string; name: string; syncEnabled: boolean; settings: Record<string, { value: SettingValue; forced: boolean }> }[];
  users: {
    email: string;
    profileId: string;
    syncEnabled: boolean;
    syncEnabledAt: string | null;
    /** Every setting's effective value for this user. */
    settings: Record<string, SettingValue>;
    /** Settings the profile forces: the add-in shows them greyed out. */
    lockedSettings: string[];
  }[];
}

type EntriesByOwner<Entry> = Map<string, Map<string, Entry>>;

function groupByOwner<Entry>(rows: { owner: string; key: string; entry: Entry }[]): EntriesByOwner<Entry> {
  const grouped: EntriesByOwner<Entry> = new Map();
  for (const { owner, key, entry } of rows) {
    if (!grouped.has(owner)) grouped.set(owner, new Map());
    grouped.get(owner)!.set(key, entry);
  }
  return grouped;
}

export async function getSyncState(tenantId: string): Promise<{ body: string; etag: string }> {
  const db = getDatabase().db;
  const profileRows = await db
    .select({ panelId: profiles.id, id: profiles.engineId, name: profiles.name, syncEnabled: profiles.syncEnabled })
    .from(profiles)
    .where(and(eq(profiles.tenantId, tenantId), isNull(profiles.removedAt)))
    .orderBy(asc(profiles.engineId));
  const engineIdOf = new Map(profileRows.map((p) => [p.panelId, p.id]));
  const profileEntries = groupByOwner<ProfileSettingEntry>(
    (await db.select().from(profileSettings).where(eq(profileSettings.tenantId, tenantId))).map((r) => ({
      owner: r.profileId,
      key: r.key,
      entry: { value: r.value as SettingValue, forced: r.forced },
    })),
  );
  const userValues = groupByOwner<SettingValue>(
    (await db.select().from(userSettings).where(eq(userSettings.tenantId, tenantId))).map((r) => ({ owner: r.userId, key: r.key, entry: r.value as SettingValue })),
  );
  const userRows = await db
    .select({ id: users.id, email: users.email, profileId: users.profileId, syncEnabled: users.syncEnabled, syncEnabledAt: users.syncEnabledAt })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), isNull(users.removedAt)))
    .orderBy(asc(users.email));
  const state: SyncState = {
    profiles: profileRows.map(({ panelId, id, name, syncEnabled }) => {
      const entries = profileEntries.get(panelId);
      const settings = Object.fromEntries(
        SETTINGS.map((definition) => {
          const entry = entries?.get(definition.key);
          return [definition.key, { value: profileValue(definition, entry), forced: entry?.forced ?? false }];
        }),
      );
      return { id, name, syncEnabled, settings };
    }),
    users: userRows.map((u) => {
      const entries = profileEntries.get(u.profileId);
      const own = userValues.get(u.id);
      const resolved = SETTINGS.map((definition) => ({ key: definition.key, ...resolveSetting(definition, entries?.get(definition.key), own?.get(definition.key)) }));
      return {
        email: u.email,
        profileId: engineIdOf.get(u.profileId)!,
        syncEnabled: u.syncEnabled,
        // The admin's last enable: errors the engine reported before it no longer stop the user.
        syncEnabledAt: u.syncEnabledAt?.toISOString() ?? null,
        settings: Object.fromEntries(resolved.map((r) => [r.key, r.value])),
        lockedSettings: resolved.filter((r) => r.locked).map((r) => r.key),
      };
    }),
  };
  const body = JSON.stringify(state);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}
