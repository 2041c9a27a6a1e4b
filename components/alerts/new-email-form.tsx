'use client';
// Adds an email channel: a name and the addresses it writes to (sent through the installation's
// SMTP server; without one, the page says so instead of showing this form).
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useActionState } from 'react';
import { createEmailAction } from '@/app/alerts/actions';
import { ActionMessage } from '@/components/actions/action-message';
import { TextInput } from './rule-inputs';

export function NewEmailForm() {
  const [state, submit, pending] = useActionState(createEmailAction, null);
  return (
    <form action={submit} aria-label="New email channel">
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextInput name="name" label="Name" required maxLength={100} />
          <TextInput name="addresses" label="Email addresses" required maxLength={2000} placeholder="ops@example.com, it@example.com" minWidth={420} />
          <Button type="submit" variant="contained" disabled={pending}>
            Add email
          </Button>
        </Stack>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
