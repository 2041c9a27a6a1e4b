'use server';
// Enable or disable sync for a user: the viewer and its scope are checked in the data layer.
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { syncSwitchInput } from '@/lib/sync-status/sync-switch-input';

const setUserSync = tenantAction(
  syncSwitchInput,
  async (viewer, { id, enabled }) => {
    await setUserSyncEnabled({ viewer, userId: id, enabled });
    return { ok: true, message: enabled ? 'Sync enabled for the user.' : 'Sync disabled for the user.' };
  },
  { revalidate: '/' },
);

export async function setUserSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return setUserSync(formFields(form));
}
