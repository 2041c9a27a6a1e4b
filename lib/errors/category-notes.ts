import 'server-only';
// An organisation's own notes on error categories: every admin of the tenant reads them beside
// the panel's explanation; a platform admin writes them (audited in the same transaction). An
// empty note removes it.
import { and, eq } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { errorCategoryNotes } from '@/db/schema';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TenantViewer } from '@/lib/auth/viewer';
import { interactiveLimits } from '@/lib/db-limits';
import { forbiddenError } from '@/lib/http/errors';

export const NOTE_MAX_CHARS = 1_000;

/** The tenant's notes by category. */
export async function listCategoryNotes(viewer: TenantViewer): Promise<Record<string, string>> {
  const rows = await getDatabase().db.select({ category: errorCategoryNotes.category, note: errorCategoryNotes.note }).from(errorCategoryNotes).where(eq(errorCategoryNotes.tenantId, viewer.tenantId));
  return Object.fromEntries(rows.map((row) => [row.category, row.note]));
}

export async function setCategoryNote(viewer: TenantViewer, category: string, note: string): Promise<void> {
  if (viewer.role !== 'platform_admin') throw forbiddenError('Only platform admins write the organisation’s notes.');
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const key = and(eq(errorCategoryNotes.tenantId, viewer.tenantId), eq(errorCategoryNotes.category, category));
    const [before] = await tx.select({ note: errorCategoryNotes.note }).from(errorCategoryNotes).where(key).for('update');
    if ((before?.note ?? '') === note) return;
    if (note === '') await tx.delete(errorCategoryNotes).where(key);
    else
      await tx
        .insert(errorCategoryNotes)
        .values({ tenantId: viewer.tenantId, category, note, updatedByLabel: viewer.email })
        .onConflictDoUpdate({ target: [errorCategoryNotes.tenantId, errorCategoryNotes.category], set: { note, updatedByLabel: viewer.email, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      tenantId: viewer.tenantId,
      actor: actorOf(viewer),
      action: 'error_note.set',
      targetType: 'error_category',
      targetId: category,
      targetLabel: category,
      before: { note: before?.note ?? null },
      after: { note: note || null },
    });
  });
}
