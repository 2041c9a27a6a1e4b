'use server';
// Enable or disable sync for a user, or for many users of a list at once: the viewer and its
// scope are checked in the data layer.
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { formatCount } from '@/lib/paging/format-count';
import { getProfile } from '@/lib/profiles/get-profile';
import { bulkSetUsersSyncEnabled } from '@/lib/sync-status/bulk-set-sync-enabled';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { syncSwitchInput } from '@/lib/sync-status/sync-switch-input';
import { bulkSyncInput } from '@/lib/users/user-search';

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

const setUsersSync = tenantAction(
  bulkSyncInput,
  async (viewer, { enabled, profileId, target }) => {
    // A profile out of the viewer's scope is "not found" here, before anything is touched.
    const profileName = profileId ? (await getProfile(viewer, profileId)).name : null;
    const { changed } = await bulkSetUsersSyncEnabled({ viewer, target, enabled, profileName });
    const users = `${formatCount(changed)} user${changed === 1 ? '' : 's'}`;
    if (changed === 0) return { ok: true, message: enabled ? 'No user needed it: every selected user is already enabled.' : 'No user needed it: every selected user is already disabled.' };
    return { ok: true, message: enabled ? `Sync enabled for ${users}.` : `Sync disabled for ${users}.` };
  },
  { revalidate: '/' },
);

/** Enable sync / Disable sync for the users a list selected (components/users/bulk-sync-actions.tsx). */
export async function setUsersSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return setUsersSync(formFields(form));
}
