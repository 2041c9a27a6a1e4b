'use server';
// Support's changes to one tenant. Each action resolves the viewer itself (support only); the
// data layer checks the values again and audits the change.
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, supportAction } from '@/lib/actions/define-action';
import { formText as field, recordId } from '@/lib/actions/input-fields';
import { createIngestionToken, revokeIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { setTenantPanelAccess } from '@/lib/support/set-panel-access';
import { addTenantAdmin, removeTenantAdmin } from '@/lib/support/tenant-admins';

const tenantId = recordId('tenant');
const SUPPORT = { revalidate: '/support' };

const setPanelAccess = supportAction(
  z.object({ tenantId, granted: field.transform((value) => value === 'true'), reason: field }),
  async (viewer, { tenantId, granted, reason }) => {
    const { changed } = await setTenantPanelAccess({ by: viewer, tenantId, granted, reason });
    if (!changed) return { ok: true, message: `Panel access was already ${granted ? 'granted' : 'revoked'}.` };
    return { ok: true, message: granted ? 'Panel access granted.' : 'Panel access revoked: its admins are refused within a minute.' };
  },
  SUPPORT,
);

const addAdmin = supportAction(
  // The role and profiles are checked by the data layer's own schema (newTenantAdminSchema).
  z.object({ tenantId, email: field, name: field, role: field, profileIds: z.union([z.string(), z.array(z.string())]).default([]).transform((ids) => [ids].flat()) }),
  async (viewer, { tenantId, email, name, role, profileIds }) => {
    await addTenantAdmin(viewer, tenantId, { email, name, role: role as 'platform_admin' | 'profile_admin', profileIds });
    return { ok: true, message: `${email} added.` };
  },
  SUPPORT,
);

const removeAdmin = supportAction(
  z.object({ tenantId, adminId: recordId('admin') }),
  async (viewer, { tenantId, adminId }) => {
    await removeTenantAdmin(viewer, tenantId, adminId);
    return { ok: true, message: 'Admin removed.' };
  },
  SUPPORT,
);

const createToken = supportAction(
  z.object({ tenantId, name: field }),
  async (viewer, { tenantId, name }) => {
    const { token } = await createIngestionToken(viewer, { tenantId, name });
    return { ok: true, message: 'Token created. Copy it now: it is shown only once.', token };
  },
  SUPPORT,
);

const revokeToken = supportAction(
  z.object({ tenantId, tokenId: recordId('token') }),
  async (viewer, { tenantId, tokenId }) => {
    await revokeIngestionToken(viewer, { tenantId, tokenId });
    return { ok: true, message: 'Token revoked.' };
  },
  SUPPORT,
);

export async function setPanelAccessAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return setPanelAccess(formFields(form));
}

export async function addTenantAdminAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return addAdmin(formFields(form));
}

export async function removeTenantAdminAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return removeAdmin(formFields(form));
}

export async function createTokenAction(_state: (ActionState & { token?: string }) | null, form: FormData): Promise<(ActionState & { token?: string }) | null> {
  return createToken(formFields(form));
}

export async function revokeTokenAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return revokeToken(formFields(form));
}
