'use client';
// Adds a webhook channel: a name and an https URL (checked on the server for where it points).
// The answer carries the signing secret, shown this once.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import { createWebhookAction } from '@/app/alerts/actions';
import { ActionMessage } from '@/components/actions/action-message';

export function NewWebhookForm() {
  const [state, submit, pending] = useActionState(createWebhookAction, null);
  return (
    <form action={submit} aria-label="New webhook">
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField name="name" label="Name" size="small" required slotProps={{ htmlInput: { maxLength: 100 } }} />
          <TextField name="url" label="Webhook URL" size="small" required placeholder="https://hooks.example.com/…" sx={{ minWidth: { sm: 420 } }} />
          <Button type="submit" variant="contained" disabled={pending}>
            Add webhook
          </Button>
        </Stack>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
