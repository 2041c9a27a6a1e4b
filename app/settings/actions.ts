'use server';
// Changes to profile and user settings. The viewer, its scope and the values are checked in the
// data layer (lib/settings); the answer is a message for the page.
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/define-action';
import { setProfileSetting } from '@/lib/settings/profile-settings';
import { setUserSetting } from '@/lib/settings/user-settings';

// The setting's key and value are checked against the catalog in the data layer.
const profileSettingInput = z.object({ profileId: z.string(), key: z.string(), value: z.unknown(), forced: z.boolean() });
const userSettingInput = z.object({ userId: z.string(), key: z.string(), value: z.unknown() });

const setProfileSettingOf = tenantAction(
  profileSettingInput,
  async (viewer, input) => {
    const { changed } = await setProfileSetting({ viewer, ...input });
    return { ok: true, message: changed ? 'Saved. The sync engine gets it with its next poll.' : 'Nothing changed.' };
  },
  { revalidate: '/' },
);

const setUserSettingOf = tenantAction(
  userSettingInput,
  async (viewer, input) => {
    const { changed } = await setUserSetting({ viewer, ...input });
    return { ok: true, message: changed ? (input.value === null ? "Cleared: the profile's value applies." : 'Saved.') : 'Nothing changed.' };
  },
  { revalidate: '/' },
);

export async function setProfileSettingAction(input: { profileId: string; key: string; value: unknown; forced: boolean }): Promise<ActionState> {
  return setProfileSettingOf(input);
}

export async function setUserSettingAction(input: { userId: string; key: string; value: unknown }): Promise<ActionState> {
  return setUserSettingOf(input);
}
