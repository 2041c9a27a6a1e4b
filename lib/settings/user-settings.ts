import 'server-only';
// A user's settings: each effective value and where it comes from, and the admin's changes to
// the user's own values (never to a value the profile forces). Scope checked here; audited.
import { and, eq } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { profileSettings, userSettings } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { badRequest, HttpError } from '@/lib/http/errors';
import { getUser } from '@/lib/users/get-user';
import { settingDefinition, SETTINGS, type SettingDefinition, type SettingValue } from './catalog';
import { parseSetting } from './parse-setting';
import { profileValue, resolveSetting, type ProfileSettingEntry, type ResolvedSetting } from './resolve-setting';

export interface UserSettingView extends ResolvedSetting {
  definition: SettingDefinition;
  /** The profile's value: what the user gets without a value of their own. */
  profileValue: SettingValue;
  userValue: SettingValue | null;
  userValueOrigin: 'admin' | 'engine' | null;
}

async function loadEntries(tenantId: string, profileId: string, userId: string) {
  const db = getDatabase().db;
  const [profileRows, userRows] = await Promise.all([
    db
      .select({ key: profileSettings.key, value: profileSettings.value, forced: profileSettings.forced })
      .from(profileSettings)
      .where(and(eq(profileSettings.tenantId, tenantId), eq(profileSettings.profileId, profileId))),
    db
      .select({ key: userSettings.key, value: userSettings.value, origin: userSettings.origin })
      .from(userSettings)
      .where(and(eq(userSettings.tenantId, tenantId), eq(userSettings.userId, userId))),
  ]);
  return {
    profile: new Map(profileRows.map((r) => [r.key, { value: r.value as SettingValue, forced: r.forced }])),
    user: new Map(userRows.map((r) => [r.key, { value: r.value as SettingValue, origin: r.origin }])),
  };
}

export async function getUserSettings(viewer: TenantViewer, userId: string): Promise<UserSettingView[]> {
  const user = await getUser(viewer, userId);
  const entries = await loadEntries(viewer.tenantId, user.profileId, user.id);
  return SETTINGS.map((definition) => {
    const profile = entries.profile.get(definition.key);
    const own = entries.user.get(definition.key);
    return {
      definition,
      ...resolveSetting(definition, profile, own?.value),
      profileValue: profileValue(definition, profile),
      userValue: own?.value ?? null,
      userValueOrigin: own?.origin ?? null,
    };
  });
}

/** Sets the user's own value, or clears it with null (the profile's value applies again). */
export async function setUserSetting({ viewer, userId, key, value }: { viewer: TenantViewer; userId: string; key: string; value: unknown }) {
  const user = await getUser(viewer, userId);
  const definition = settingDefinition(key);
  if (!definition) throw badRequest(`Unknown setting "${key}".`);
  const parsed = value === null ? null : parseSetting(key, value);
  if (parsed && !parsed.ok) throw badRequest(parsed.message);
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [profileRow] = await tx
      .select({ value: profileSettings.value, forced: profileSettings.forced })
      .from(profileSettings)
      .where(and(eq(profileSettings.tenantId, viewer.tenantId), eq(profileSettings.profileId, user.profileId), eq(profileSettings.key, key)))
      .for('share');
    if (profileRow?.forced) throw new HttpError(409, `"${definition.label}" is forced by the profile ${user.profileName}: change it on the profile.`);
    const where = and(eq(userSettings.tenantId, viewer.tenantId), eq(userSettings.userId, user.id), eq(userSettings.key, key));
    const [own] = await tx.select({ value: userSettings.value }).from(userSettings).where(where).for('update');
    const before = (own?.value as SettingValue | undefined) ?? null;
    const after = parsed ? parsed.value : null;
    if (before === after) return { changed: false };
    if (after === null) await tx.delete(userSettings).where(where);
    else
      await tx
        .insert(userSettings)
        .values({ tenantId: viewer.tenantId, userId: user.id, key, value: after, origin: 'admin' })
        .onConflictDoUpdate({ target: [userSettings.tenantId, userSettings.userId, userSettings.key], set: { value: after, origin: 'admin', updatedAt: new Date() } });
    const effective = (own: SettingValue | null) => resolveSetting(definition, profileRow as ProfileSettingEntry | undefined, own ?? undefined).value;
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'user.setting_change',
      targetType: 'user',
      targetId: user.id,
      targetLabel: `${user.email}: ${definition.label}`,
      before: { setting: key, userValue: before, effective: effective(before) },
      after: { setting: key, userValue: after, effective: effective(after) },
    });
    return { changed: true };
  });
}
