'use client';
// Creates an alert rule: its name, its condition, the profiles it watches (all the admin may see,
// or chosen ones) and the channels it tells. A new rule is off until turned on.
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useActionState, useState } from 'react';
import { createRuleAction } from '@/app/alerts/actions';
import { ActionMessage } from '@/components/actions/action-message';
import { ALERT_RULE_KINDS, ALERT_RULE_KIND_LABELS } from '@/lib/alerts/alert-rule';

export function NewRuleForm({ profiles, channels }: { profiles: { id: string; name: string }[]; channels: { id: string; name: string }[] }) {
  const [state, submit, pending] = useActionState(createRuleAction, null);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  return (
    <form action={submit} aria-label="New rule">
      <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField name="name" label="Name" size="small" required slotProps={{ htmlInput: { maxLength: 100 } }} />
          <TextField select name="kind" label="Condition" size="small" defaultValue={ALERT_RULE_KINDS[0]} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 320 }}>
            {ALERT_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ALERT_RULE_KIND_LABELS[kind]}
              </option>
            ))}
          </TextField>
        </Stack>
        <div role="group" aria-labelledby="rule-profiles">
          <FormLabel id="rule-profiles">Profiles</FormLabel>
          <RadioGroup row name="scope" value={scope} onChange={(event) => setScope(event.target.value as 'all' | 'chosen')}>
            <FormControlLabel value="all" control={<Radio size="small" />} label="All profiles I can see" />
            <FormControlLabel value="chosen" control={<Radio size="small" />} label="These profiles:" />
          </RadioGroup>
          {scope === 'chosen' && (
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
              {profiles.map((profile) => (
                <FormControlLabel key={profile.id} control={<Checkbox size="small" name="profileIds" value={profile.id} />} label={profile.name} />
              ))}
            </Stack>
          )}
        </div>
        <div role="group" aria-labelledby="rule-channels">
          <FormLabel id="rule-channels">Tell</FormLabel>
          {channels.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No channel yet: add a webhook below first, so the rule has someone to tell.
            </Typography>
          ) : (
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
              {channels.map((channel) => (
                <FormControlLabel key={channel.id} control={<Checkbox size="small" name="channelIds" value={channel.id} defaultChecked={channels.length === 1} />} label={channel.name} />
              ))}
            </Stack>
          )}
        </div>
        <Button type="submit" variant="contained" disabled={pending}>
          Create rule
        </Button>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
