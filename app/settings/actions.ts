'use server';
// Changes to profile and user settings. The viewer, its scope and the values are checked in the
// data layer (lib/settings); the answer is a message for the page.
import { revalidatePath } from 'next/cache';
import { actionFailure } from '@/lib/actions/action-result';
import type { ActionState } from '@/lib/actions/action-state';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { setProfileSetting } from '@/lib/settings/profile-settings';
import { setUserSetting } from '@/lib/settings/user-settings';

export async function setProfileSettingAction(input: { profileId: string; key: string; value: unknown; forced: boolean }): Promise<ActionState> {
  try {
    const viewer = await requireTenantViewer();
    const { changed } = await setProfileSetting({ viewer, ...input });
    revalidatePath('/', 'layout');
    return { ok: true, message: changed ? 'Saved. The sync engine gets it with its next poll.' : 'Nothing changed.' };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setUserSettingAction(input: { userId: string; key: string; value: unknown }): Promise<ActionState> {
  try {
    const viewer = await requireTenantViewer();
    const { changed } = await setUserSetting({ viewer, ...input });
    revalidatePath('/', 'layout');
    return { ok: true, message: changed ? (input.value === null ? "Cleared: the profile's value applies." : 'Saved.') : 'Nothing changed.' };
  } catch (error) {
    return actionFailure(error);
  }
}
