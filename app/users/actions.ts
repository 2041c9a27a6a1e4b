'use server';
// Enable or disable sync for a user: the viewer and its scope are checked in the data layer.
import { revalidatePath } from 'next/cache';
import { actionFailure } from '@/lib/actions/action-result';
import type { ActionState } from '@/lib/actions/action-state';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';

export async function setUserSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireTenantViewer();
    const enabled = form.get('enabled') === 'true';
    await setUserSyncEnabled({ viewer, userId: String(form.get('id') ?? ''), enabled });
    revalidatePath('/', 'layout');
    return { ok: true, message: enabled ? 'Sync enabled for the user.' : 'Sync disabled for the user.' };
  } catch (error) {
    return actionFailure(error);
  }
}
