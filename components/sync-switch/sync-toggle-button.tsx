'use client';
// Enable or disable sync for a profile or a user, after a confirmation. The server action
// checks the admin's scope itself and audits the change.
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function SyncToggleButton({ id, enabled, subject, consequence, action }: { id: string; enabled: boolean; subject: string; consequence: string; action: Action }) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(action, null);
  const verb = enabled ? 'Disable' : 'Enable';
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant={enabled ? 'outlined' : 'contained'} color={enabled ? 'error' : 'success'} onClick={() => setOpen(true)} disabled={pending}>
        {verb} sync
      </Button>
      <ActionMessage state={state} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`toggle-${id}`}>
        <form action={submit} onSubmit={() => setOpen(false)}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="enabled" value={String(!enabled)} />
          <DialogTitle id={`toggle-${id}`}>
            {verb} sync for {subject}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText>{consequence}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="contained" color={enabled ? 'error' : 'success'}>
              {verb} sync
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Stack>
  );
}
