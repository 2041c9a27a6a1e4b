'use client';
// Enable sync / Disable sync for the users a list selected, after one confirmation that names
// how many users and which filter. The form sends the selection as the list holds it (ticked
// ids, or the filters less the unticked); the server action resolves it within the admin's
// scope, in one statement, and audits it as one event.
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
  submit: (form: FormData) => void;
  pending: boolean;
}

const CONSEQUENCE = {
  true: 'The sync engine starts synchronizing them again at its next look at the sync state; users disabled due to an error get a new try. Users already enabled are left as they are.',
  false: 'The sync engine stops synchronizing them at its next look at the sync state, until an admin enables them again. Users already disabled are left as they are.',
};

export function BulkSyncButtons({ count, which, fields, submit, pending }: BulkSyncButtonsProps) {
  const [asking, setAsking] = useState<boolean | null>(null);
  const titleId = useId();
  const verb = asking ? 'Enable' : 'Disable';
  return (
    <>
      <Button size="small" variant="contained" color="success" disabled={!fields || pending} onClick={() => setAsking(true)}>
        Enable sync
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={!fields || pending} onClick={() => setAsking(false)}>
        Disable sync
      </Button>
      <Dialog open={asking !== null} onClose={() => setAsking(null)} aria-labelledby={titleId}>
        <form action={submit} onSubmit={() => setAsking(null)}>
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="enabled" value={String(asking)} />
          <DialogTitle id={titleId}>
            {verb} sync for {count}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>The users {which}.</DialogContentText>
            <DialogContentText>{CONSEQUENCE[String(asking) as 'true' | 'false']}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>Cancel</Button>
            <Button type="submit" variant="contained" color={asking ? 'success' : 'error'}>
              {verb} sync for {count}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
