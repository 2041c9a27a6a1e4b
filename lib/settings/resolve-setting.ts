// Which value a user's sync actually uses, and where it comes from: a value the profile forces
// wins; otherwise the user's own value; otherwise the profile's value (its default for users),
// which is the catalog's default while the admin has not set one.
import type { SettingDefinition, SettingValue } from './catalog';

export type SettingSource = 'forced' | 'user' | 'profile';

export const SETTING_SOURCE_LABELS: Record<SettingSource, string> = {
  forced: 'Forced by the profile',
  user: "User's own value",
  profile: "Profile's default",
};

export interface ProfileSettingEntry {
  value: SettingValue;
  forced: boolean;
}

export interface ResolvedSetting {
  value: SettingValue;
  source: SettingSource;
  /** The user cannot change it (greyed out in the add-in, locked in the panel). */
  locked: boolean;
}

export function profileValue(definition: SettingDefinition, entry: ProfileSettingEntry | undefined): SettingValue {
  return entry ? entry.value : definition.defaultValue;
}

export function resolveSetting(definition: SettingDefinition, profile: ProfileSettingEntry | undefined, userValue: SettingValue | undefined): ResolvedSetting {
  if (profile?.forced) return { value: profile.value, source: 'forced', locked: true };
  if (userValue !== undefined) return { value: userValue, source: 'user', locked: false };
  return { value: profileValue(definition, profile), source: 'profile', locked: false };
}
