'use client';
// Sync now on a user's page: asks the sync engine to start a session at once. Offered while the
// user's Effective synchronization status is Enabled; the server refuses a second request
// within a minute and says when it becomes possible.
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useActionState } from 'react';
import { requestUserSyncAction } from '@/app/users/actions';

export function SyncNowButton({ userId, enabled }: { userId: string; enabled: boolean }) {
  const [state, submit, pending] = useActionState(requestUserSyncAction, null);
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <form action={submit}>
        <input type="hidden" name="id" value={userId} />
        <Button type="submit" variant="outlined" disabled={!enabled || pending} title={enabled ? undefined : 'Sync now needs the Effective synchronization status Enabled'}>
          Sync now
        </Button>
      </form>
      <ActionMessage state={state} refusal="warning" />
    </Stack>
  );
}
