'use server';
// A platform admin's choice of the organisation's time zone (lib/tenants/tenant-time-zone.ts
// checks the role and the zone, and audits it); the recount it needs starts in the background.
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { applyPendingTimeZoneInBackground, setTenantTimeZone } from '@/lib/tenants/tenant-time-zone';

const timeZoneInput = z.object({ timeZone: z.string().max(100) });

const saveTimeZone = tenantAction(
  timeZoneInput,
  async (viewer, { timeZone }) => {
    const { changed } = await setTenantTimeZone({ viewer, timeZone });
    if (!changed) return { ok: true, message: 'Nothing changed.' };
    applyPendingTimeZoneInBackground(viewer.tenantId);
    return { ok: true, message: `Saved. The figures are being recounted in ${timeZone}; every page counts its days once that is done.` };
  },
  { revalidate: '/' },
);

export async function saveTimeZoneAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return saveTimeZone(formFields(form));
}
