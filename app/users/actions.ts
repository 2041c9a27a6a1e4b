'use server';
// Enable or disable sync for a user, or for many users of a list at once, and Sync now: the
// viewer and its scope are checked in the data layer.
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { formatCount } from '@/lib/paging/format-count';
import { getProfile } from '@/lib/profiles/get-profile';
import { bulkSetUsersSyncEnabled } from '@/lib/sync-status/bulk-set-sync-enabled';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { syncSwitchInput } from '@/lib/sync-status/sync-switch-input';
import { requestUsersSync, requestUserSync } from '@/lib/sync-requests/request-sync';
import { bulkSyncInput, bulkTargetInput } from '@/lib/users/user-search';
import { z } from 'zod';

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

const requestSync = tenantAction(
  z.object({ id: z.string().default('') }),
  async (viewer, { id }) => {
    await requestUserSync(viewer, id);
    return { ok: true, message: 'Sync requested: the sync engine starts a session for the user at its next look at the requests.' };
  },
  { revalidate: '/' },
);

/** Sync now for one user (components/users/sync-now-button.tsx). */
export async function requestUserSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return requestSync(formFields(form));
}

const requestManySyncs = tenantAction(
  bulkTargetInput,
  async (viewer, { profileId, target }) => {
    const profileName = profileId ? (await getProfile(viewer, profileId)).name : null;
    const { requested } = await requestUsersSync(viewer, target, profileName);
    if (requested === 0) return { ok: true, message: 'No sync requested: Sync now takes users whose Effective synchronization status is Enabled, at most once a minute each.' };
    return { ok: true, message: `Sync requested for ${formatCount(requested)} user${requested === 1 ? '' : 's'}; users not Enabled, or asked for or synchronized in the last minute, were left out.` };
  },
  { revalidate: '/' },
);

/** Sync now for the users a list selected (components/users/bulk-sync-buttons.tsx). */
export async function requestUsersSyncAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return requestManySyncs(formFields(form));
}
