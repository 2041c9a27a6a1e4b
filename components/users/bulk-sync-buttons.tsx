'use client';
// Enable sync / Disable sync / Sync now for the users a list selected, after one confirmation
// that names how many users and which filter. The form sends the selection as the list holds
// it (ticked ids, or the filters less the unticked); the server actions resolve it within the
// admin's scope, in one statement, and audit it as one event.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';

export interface BulkSyncButtonsProps {
  /** "9 users", "all 10,000+ users": what the selection holds as the banner says it. */
  count: string;
  /** Which users, in words: "ticked on any page", "matching Effective status: …, except 2 unticked". */
  which: string;
  /** The form fields of the selection (row-selection.ts selectionFields), or null when it cannot be sent. */
  fields: Record<string, string> | null;
  /** Enable sync / Disable sync (with `enabled`), and Sync now. */
  submitSwitch: (form: FormData) => void;
  submitSyncNow: (form: FormData) => void;
  pending: boolean;
}

type Asked = 'enable' | 'disable' | 'sync';

const ASKED: Record<Asked, { verb: string; color: 'success' | 'error' | 'primary'; consequence: string }> = {
  enable: {
    verb: 'Enable sync',
    color: 'success',
    consequence:
      'The sync engine starts synchronizing them again at its next look at the sync state; users disabled due to an error get a new try. Users already enabled are left as they are.',
  },
  disable: {
    verb: 'Disable sync',
    color: 'error',
    consequence: 'The sync engine stops synchronizing them at its next look at the sync state, until an admin enables them again. Users already disabled are left as they are.',
  },
  sync: {
    verb: 'Sync now',
    color: 'primary',
    consequence:
      'The sync engine starts a session for each of them at its next look at the requests. Only users whose Effective synchronization status is Enabled are asked for, each at most once a minute (counted from their last session or request).',
  },
};

export function BulkSyncButtons({ count, which, fields, submitSwitch, submitSyncNow, pending }: BulkSyncButtonsProps) {
  const [asked, setAsked] = useState<Asked | null>(null);
  const titleId = useId();
  const shown = ASKED[asked ?? 'enable'];
  const disabled = !fields || pending;
  return (
    <>
      <Button size="small" variant="contained" color="success" disabled={disabled} onClick={() => setAsked('enable')}>
        Enable sync
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={disabled} onClick={() => setAsked('disable')}>
        Disable sync
      </Button>
      <Button size="small" variant="outlined" disabled={disabled} onClick={() => setAsked('sync')}>
        Sync now
      </Button>
      <Dialog open={asked !== null} onClose={() => setAsked(null)} aria-labelledby={titleId}>
        <form action={asked === 'sync' ? submitSyncNow : submitSwitch} onSubmit={() => setAsked(null)}>
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {asked !== 'sync' && <input type="hidden" name="enabled" value={String(asked === 'enable')} />}
          <DialogTitle id={titleId}>
            {shown.verb} for {count}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>The users {which}.</DialogContentText>
            <DialogContentText>{shown.consequence}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsked(null)}>Cancel</Button>
            <Button type="submit" variant="contained" color={shown.color}>
              {shown.verb} for {count}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
