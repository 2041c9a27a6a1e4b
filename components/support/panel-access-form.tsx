'use client';
// Grant or revoke a tenant's panel access, with the reason the audit log keeps.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function PanelAccessForm({ tenantId, tenantName, granted, action }: { tenantId: string; tenantName: string; granted: boolean; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  const verb = granted ? 'Revoke' : 'Grant';
  return (
    <form action={submit}>
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
        {state && <Alert severity={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      </Stack>
    </form>
  );
}
