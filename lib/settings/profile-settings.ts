import 'server-only';
// A profile's settings: read for its Settings tab, changed by an admin of its scope (checked
// here), audited with before and after in the same transaction.
import { and, eq } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { profileSettings } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { badRequest } from '@/lib/http/errors';
import { getProfile } from '@/lib/profiles/get-profile';
import { SETTINGS, type SettingDefinition, type SettingValue } from './catalog';
import { parseSetting } from './parse-setting';
import { profileValue, type ProfileSettingEntry } from './resolve-setting';

export interface ProfileSettingView {
  definition: SettingDefinition;
  value: SettingValue;
  forced: boolean;
  /** False while the admin has not set it: the value is the catalog's default. */
  isSet: boolean;
}

export async function getProfileSettings(viewer: TenantViewer, profileId: string): Promise<ProfileSettingView[]> {
  const profile = await getProfile(viewer, profileId);
  const rows = await getDatabase()
    .db.select({ key: profileSettings.key, value: profileSettings.value, forced: profileSettings.forced })
    .from(profileSettings)
    .where(and(eq(profileSettings.tenantId, viewer.tenantId), eq(profileSettings.profileId, profile.id)));
  const stored = new Map(rows.map((r) => [r.key, { value: r.value as SettingValue, forced: r.forced }]));
  return SETTINGS.map((definition) => {
    const entry = stored.get(definition.key);
    return { definition, value: profileValue(definition, entry), forced: entry?.forced ?? false, isSet: entry !== undefined };
  });
}

export async function setProfileSetting({ viewer, profileId, key, value, forced }: { viewer: TenantViewer; profileId: string; key: string; value: unknown; forced: boolean }) {
  const profile = await getProfile(viewer, profileId);
  const parsed = parseSetting(key, value);
  if (!parsed.ok) throw badRequest(parsed.message);
  if (typeof forced !== 'boolean') throw badRequest('"forced" takes true or false.');
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const where = and(eq(profileSettings.tenantId, viewer.tenantId), eq(profileSettings.profileId, profile.id), eq(profileSettings.key, key));
    const [row] = await tx.select({ value: profileSettings.value, forced: profileSettings.forced }).from(profileSettings).where(where).for('update');
    const before: ProfileSettingEntry = { value: profileValue(parsed.definition, row as ProfileSettingEntry | undefined), forced: row?.forced ?? false };
    const after: ProfileSettingEntry = { value: parsed.value, forced };
    if (row && before.value === after.value && before.forced === after.forced) return { changed: false };
    await tx
      .insert(profileSettings)
      .values({ tenantId: viewer.tenantId, profileId: profile.id, key, value: parsed.value, forced })
      .onConflictDoUpdate({ target: [profileSettings.tenantId, profileSettings.profileId, profileSettings.key], set: { value: parsed.value, forced, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'profile.setting_change',
      targetType: 'profile',
      targetId: profile.id,
      targetLabel: `${profile.name}: ${parsed.definition.label}`,
      before: { setting: key, ...before },
      after: { setting: key, ...after },
    });
    return { changed: true };
  });
}
