'use server';
// Enable or disable sync for a profile: the viewer and its scope are checked in the data layer.
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { setProfileSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { syncSwitchInput } from '@/lib/sync-status/sync-switch-input';

const setProfileSync = tenantAction(
  syncSwitchInput,
  async (viewer, { id, enabled }) => {
    await setProfileSyncEnabled({ viewer, profileId: id, enabled });
    return { ok: true, message: enabled ? 'Sync enabled for the profile.' : 'Sync disabled for the profile: its users are Disabled.' };
  },
  { revalidate: '/' },
);

export async function setProfileSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return setProfileSync(formFields(form));
}
