'use server';
// Enable or disable sync for a profile: the viewer and its scope are checked in the data layer.
import { revalidatePath } from 'next/cache';
import { actionFailure } from '@/lib/actions/action-result';
import type { ActionState } from '@/lib/actions/action-state';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { setProfileSyncEnabled } from '@/lib/sync-status/set-sync-enabled';

export async function setProfileSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireTenantViewer();
    const enabled = form.get('enabled') === 'true';
    await setProfileSyncEnabled({ viewer, profileId: String(form.get('id') ?? ''), enabled });
    revalidatePath('/', 'layout');
    return { ok: true, message: enabled ? 'Sync enabled for the profile.' : 'Sync disabled for the profile: its users are Disabled.' };
  } catch (error) {
    return actionFailure(error);
  }
}
