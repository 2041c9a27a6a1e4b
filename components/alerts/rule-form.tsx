'use client';
// Creates an alert rule, or changes one: its name, its condition and the condition's figures,
// the profiles it watches (all the admin may see, or chosen ones) and the channels it tells.
// A new rule is off until turned on.
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useActionState, useState } from 'react';
import { saveRuleAction } from '@/app/alerts/actions';
import { ActionMessage } from '@/components/actions/action-message';
import { ALERT_RULE_KINDS, ALERT_RULE_KIND_LABELS, type AlertRuleKind } from '@/lib/alerts/alert-rule-kinds';
import { ConditionFields } from './condition-fields';
import { NativeSelect, TextInput } from './rule-inputs';

interface Choice {
  id: string;
  name: string;
}

export interface EditedRule {
  id: string;
  name: string;
  kind: AlertRuleKind;
  params: Record<string, unknown>;
  profileIds: string[] | null;
  channelIds: string[];
}

export function RuleForm({ profiles, channels, rule }: { profiles: Choice[]; channels: Choice[]; rule?: EditedRule }) {
  const [state, submit, pending] = useActionState(saveRuleAction, null);
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? ALERT_RULE_KINDS[0]);
  const [scope, setScope] = useState<'all' | 'chosen'>(rule?.profileIds ? 'chosen' : 'all');
  const watchesTenant = kind === 'engine_silent';
  return (
    <form action={submit} aria-label={rule ? `Edit rule ${rule.name}` : 'New rule'}>
      {rule && <input type="hidden" name="id" value={rule.id} />}
      <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextInput name="name" label="Name" required defaultValue={rule?.name} maxLength={100} />
          <NativeSelect name="kind" label="Condition" value={kind} onChange={(value) => setKind(value as AlertRuleKind)} minWidth={320}>
            {ALERT_RULE_KINDS.map((option) => (
              <option key={option} value={option}>
                {ALERT_RULE_KIND_LABELS[option]}
              </option>
            ))}
          </NativeSelect>
        </Stack>
        {/* Keyed by the kind: a changed condition starts from its own defaults. */}
        <ConditionFields key={kind} kind={kind} params={rule?.kind === kind ? rule.params : {}} />
        {watchesTenant ? (
          <Typography variant="body2" color="text.secondary">
            This condition watches the organisation&apos;s sync engine, not profiles.
          </Typography>
        ) : (
          <div role="group" aria-labelledby="rule-profiles">
            <FormLabel id="rule-profiles">Profiles</FormLabel>
            <RadioGroup row name="scope" value={scope} onChange={(event) => setScope(event.target.value as 'all' | 'chosen')}>
              <FormControlLabel value="all" control={<Radio size="small" />} label="All profiles I can see" />
              <FormControlLabel value="chosen" control={<Radio size="small" />} label="These profiles:" />
            </RadioGroup>
            {scope === 'chosen' && (
              <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
                {profiles.map((profile) => (
                  <FormControlLabel
                    key={profile.id}
                    control={<Checkbox size="small" name="profileIds" value={profile.id} defaultChecked={rule?.profileIds?.includes(profile.id)} />}
                    label={profile.name}
                  />
                ))}
              </Stack>
            )}
          </div>
        )}
        <div role="group" aria-labelledby="rule-channels">
          <FormLabel id="rule-channels">Tell</FormLabel>
          {channels.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No channel yet: add an email or a webhook channel below, so the rule has someone to tell.
            </Typography>
          ) : (
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
              {channels.map((channel) => (
                <FormControlLabel
                  key={channel.id}
                  control={<Checkbox size="small" name="channelIds" value={channel.id} defaultChecked={rule ? rule.channelIds.includes(channel.id) : channels.length === 1} />}
                  label={channel.name}
                />
              ))}
            </Stack>
          )}
        </div>
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={pending}>
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
          {rule && (
            <Button href="/alerts#rules" variant="text">
              Cancel
            </Button>
          )}
        </Stack>
        <ActionMessage state={state} />
      </Stack>
    </form>
  );
}
