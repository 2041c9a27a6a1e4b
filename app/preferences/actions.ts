'use server';
// Remembers the columns an admin shows in a table (the Table actions menu).
import { actionFailure } from '@/lib/actions/action-result';
import type { ActionState } from '@/lib/actions/action-state';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { saveColumnVisibility } from '@/lib/preferences/column-visibility';

export async function saveColumnVisibilityAction(table: string, model: Record<string, boolean>): Promise<ActionState> {
  try {
    const viewer = await requireTenantViewer();
    await saveColumnVisibility(viewer, table, model);
    return { ok: true, message: 'Columns saved.' };
  } catch (error) {
    return actionFailure(error);
  }
}
