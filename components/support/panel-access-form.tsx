'use client';
// Grant or revoke a tenant's panel access, with the reason the audit log keeps, after a
// confirmation that says what happens to the tenant's admins.
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

function consequence(tenantName: string, granted: boolean): string {
  return granted
    ? `Every admin of ${tenantName} is signed out at once and cannot open the panel until support grants access again. The sync of their users goes on.`
    : `The admins of ${tenantName} can open the panel at once, each with the role and profiles given to them.`;
}

export function PanelAccessForm({ tenantId, tenantName, granted, action }: { tenantId: string; tenantName: string; granted: boolean; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  // The form the browser validated, held while the confirmation is open.
  const [confirming, setConfirming] = useState<FormData | null>(null);
  const verb = granted ? 'Revoke' : 'Grant';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setConfirming(new FormData(event.currentTarget));
  };
  const confirm = () => {
    const form = confirming;
    setConfirming(null);
    if (form) startTransition(() => submit(form));
  };
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="granted" value={String(!granted)} />
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <TextField
          name="reason"
          label={`Reason to ${verb.toLowerCase()} ${tenantName}'s panel access`}
          required
          multiline
          minRows={2}
          slotProps={{ htmlInput: { minLength: 3, maxLength: 500 } }}
        />
        <div>
          <Button type="submit" variant="contained" color={granted ? 'error' : 'primary'} disabled={pending}>
            {verb} panel access
          </Button>
        </div>
        <ActionMessage state={state} />
      </Stack>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} aria-labelledby="panel-access-confirm">
        <DialogTitle id="panel-access-confirm">
          {verb} {tenantName}&apos;s panel access?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{consequence(tenantName, granted)}</DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>The reason, kept in the audit log: “{String(confirming?.get('reason') ?? '')}”</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(null)}>Cancel</Button>
          <Button variant="contained" color={granted ? 'error' : 'primary'} onClick={confirm}>
            {verb} panel access
          </Button>
        </DialogActions>
      </Dialog>
    </form>
  );
}
