'use server';
// A platform admin's note on an error category (lib/errors/category-notes.ts checks the role
// and audits it).
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { formFields, tenantAction } from '@/lib/actions/define-action';
import { NOTE_MAX_CHARS, setCategoryNote } from '@/lib/errors/category-notes';
import { text } from '@/lib/search/fields';

const noteInput = z.object({
  category: text('category', 100).refine((value) => value !== null, '"category" is required.'),
  note: text('note', NOTE_MAX_CHARS),
});

const saveNote = tenantAction(
  noteInput,
  async (viewer, { category, note }) => {
    await setCategoryNote(viewer, category!, note ?? '');
    return { ok: true, message: note ? 'Note saved: your admins see it beside this category.' : 'Note removed.' };
  },
  { revalidate: '/' },
);

export async function saveCategoryNoteAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return saveNote(formFields(form));
}
