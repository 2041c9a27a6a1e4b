'use client';
// The buttons of one rule or channel row (turn on, mute, send a test, delete…): one form, the
// button pressed names the change; the answer shows under them.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useActionState } from 'react';
import { ActionMessage } from '@/components/actions/action-message';
import type { ActionState } from '@/lib/actions/action-state';

export interface RowAction {
  change: string;
  label: string;
  /** Red: it removes something. */
  danger?: boolean;
}

/** `subject` names the row in each button's accessible name ("Delete Users in error"); `editHref` adds an Edit link. */
export function RowActions({
  id,
  subject,
  actions,
  action,
  editHref,
}: {
  id: string;
  subject: string;
  actions: RowAction[];
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  editHref?: string;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit}>
      <input type="hidden" name="id" value={id} />
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {editHref && (
            <Button href={editHref} size="small" aria-label={`Edit ${subject}`}>
              Edit
            </Button>
          )}
          {actions.map((a) => (
            <Button key={a.change} type="submit" name="change" value={a.change} size="small" color={a.danger ? 'error' : 'primary'} disabled={pending} aria-label={`${a.label} ${subject}`}>
              {a.label}
            </Button>
          ))}
        </Stack>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
