'use client';
// A platform admin writes their organisation's note on an error category (shown to their admins
// beside the panel's explanation); an empty note removes it.
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import { saveCategoryNoteAction } from '@/app/errors/actions';

export function CategoryNoteForm({ category, note }: { category: string; note: string | null }) {
  const [state, submit, pending] = useActionState(saveCategoryNoteAction, null);
  return (
    <form action={submit}>
      <input type="hidden" name="category" value={category} />
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          // A saved note comes back as the new default: the field starts again from it.
          key={note ?? ''}
          name="note"
          label={`Your organisation's note on ${category}`}
          defaultValue={note ?? ''}
          multiline
          minRows={2}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          helperText="Shown to your admins wherever this category appears, e.g. “Open a ticket with IT, queue CRM”."
        />
        <Button type="submit" variant="outlined" size="small" disabled={pending}>
          Save note
        </Button>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
