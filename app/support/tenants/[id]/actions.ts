'use server';
// Support's changes to one tenant. Each action resolves the viewer itself (support only),
// validates its input in the data layer and is audited there.
import { revalidatePath } from 'next/cache';
import { actionFailure } from '@/lib/actions/action-result';
import type { ActionState } from '@/lib/actions/action-state';
import { requireSupportViewer } from '@/lib/auth/require-viewer';
import { createIngestionToken, revokeIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { setTenantPanelAccess } from '@/lib/support/set-panel-access';
import { addTenantAdmin, removeTenantAdmin } from '@/lib/support/tenant-admins';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export async function setPanelAccessAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireSupportViewer();
    const tenantId = text(form, 'tenantId');
    const granted = text(form, 'granted') === 'true';
    const { changed } = await setTenantPanelAccess({ by: viewer, tenantId, granted, reason: text(form, 'reason') });
    revalidatePath('/support', 'layout');
    if (!changed) return { ok: true, message: `Panel access was already ${granted ? 'granted' : 'revoked'}.` };
    return { ok: true, message: granted ? 'Panel access granted.' : 'Panel access revoked: its admins are refused within a minute.' };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function addTenantAdminAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireSupportViewer();
    const tenantId = text(form, 'tenantId');
    await addTenantAdmin(viewer, tenantId, {
      email: text(form, 'email'),
      name: text(form, 'name'),
      role: text(form, 'role') as 'platform_admin' | 'profile_admin',
      profileIds: form.getAll('profileIds').map(String),
    });
    revalidatePath('/support', 'layout');
    return { ok: true, message: `${text(form, 'email')} added.` };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function removeTenantAdminAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireSupportViewer();
    await removeTenantAdmin(viewer, text(form, 'tenantId'), text(form, 'adminId'));
    revalidatePath('/support', 'layout');
    return { ok: true, message: 'Admin removed.' };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function createTokenAction(_state: (ActionState & { token?: string }) | null, form: FormData): Promise<(ActionState & { token?: string }) | null> {
  try {
    const viewer = await requireSupportViewer();
    const { token } = await createIngestionToken(viewer, { tenantId: text(form, 'tenantId'), name: text(form, 'name') });
    revalidatePath('/support', 'layout');
    return { ok: true, message: 'Token created. Copy it now: it is shown only once.', token };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function revokeTokenAction(_state: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireSupportViewer();
    await revokeIngestionToken(viewer, { tenantId: text(form, 'tenantId'), tokenId: text(form, 'tokenId') });
    revalidatePath('/support', 'layout');
    return { ok: true, message: 'Token revoked.' };
  } catch (error) {
    return actionFailure(error);
  }
}
