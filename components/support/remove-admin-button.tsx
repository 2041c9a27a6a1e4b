'use client';
// Remove a tenant admin, after a confirmation.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function RemoveAdminButton({ tenantId, adminId, email, action }: { tenantId: string; adminId: string; email: string; action: Action }) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(action, null);
  return (
    <>
      <Button size="small" color="error" onClick={() => setOpen(true)} aria-label={`Remove ${email}`}>
        Remove
      </Button>
      {state && !state.ok && <Alert severity="error">{state.message}</Alert>}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`remove-${adminId}`}>
        <form action={submit} onSubmit={() => setOpen(false)}>
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="adminId" value={adminId} />
          <DialogTitle id={`remove-${adminId}`}>Remove {email}?</DialogTitle>
          <DialogContent>
            <DialogContentText>They lose access to the panel at their next request.</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" color="error" disabled={pending}>
              Remove
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
