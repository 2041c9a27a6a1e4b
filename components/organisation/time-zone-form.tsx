'use client';
// A platform admin chooses the organisation's time zone from the IANA names the browser knows
// (the server checks the name again).
import { ActionMessage } from '@/components/actions/action-message';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import { saveTimeZoneAction } from '@/app/organisation/actions';

export function TimeZoneForm({ timeZone, zones }: { timeZone: string; zones: string[] }) {
  const [state, submit, pending] = useActionState(saveTimeZoneAction, null);
  return (
    <form action={submit}>
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            key={timeZone}
            select
            name="timeZone"
            label="Time zone"
            defaultValue={timeZone}
            size="small"
            sx={{ minWidth: 280 }}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </TextField>
          <Button type="submit" variant="contained" disabled={pending}>
            Save time zone
          </Button>
        </Stack>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
