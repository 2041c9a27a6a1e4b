'use server';
// Remembers the columns an admin shows in a table (the Table actions menu). The table's name and
// the columns are checked in the data layer.
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { tenantAction } from '@/lib/actions/define-action';
import { saveColumnVisibility } from '@/lib/preferences/column-visibility';

const columnVisibilityInput = z.object({ table: z.string(), model: z.record(z.string(), z.boolean()) });

const saveColumns = tenantAction(columnVisibilityInput, async (viewer, { table, model }) => {
  await saveColumnVisibility(viewer, table, model);
  return { ok: true, message: 'Columns saved.' };
});

export async function saveColumnVisibilityAction(table: string, model: Record<string, boolean>): Promise<ActionState> {
  return saveColumns({ table, model });
}
