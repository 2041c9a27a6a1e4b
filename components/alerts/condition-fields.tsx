'use client';
// The figures of a rule's condition, one field per parameter of its kind, with the bounds the
// server checks (lib/alerts/alert-rule.ts) and the rule's own values, or the kind's defaults.
import Stack from '@mui/material/Stack';
import { parseRuleParams, type AlertRuleKind } from '@/lib/alerts/alert-rule';
import { ISSUE_TYPES } from '@/domain/sync-vocabulary';
import { ISSUE_TYPE_LABELS } from '@/lib/issues/issue-labels';
import { NativeSelect, TextInput } from './rule-inputs';

function valuesOf(kind: AlertRuleKind, params: Record<string, unknown>): Record<string, unknown> {
  try {
    return parseRuleParams(kind, params);
  } catch {
    return parseRuleParams(kind, {});
  }
}

export function ConditionFields({ kind, params }: { kind: AlertRuleKind; params: Record<string, unknown> }) {
  const values = valuesOf(kind, params);
  const hours = (max: number) => <TextInput name="hours" label="Hours" type="number" min={1} max={max} required defaultValue={values.hours as number} />;
  switch (kind) {
    case 'user_error':
      return null;
    case 'user_error_streak':
      return <TextInput name="sessions" label="Error sessions in a row" type="number" min={2} max={100} required defaultValue={values.sessions as number} />;
    case 'user_no_healthy_session':
      return hours(720);
    case 'engine_silent':
      return hours(168);
    case 'profile_error_share':
      return (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextInput name="percent" label="Error share above (%)" type="number" min={1} max={100} required defaultValue={values.percent as number} />
          {hours(168)}
          <TextInput name="minSessions" label="Counted from (sessions)" type="number" min={1} max={100000} required defaultValue={values.minSessions as number} />
        </Stack>
      );
    case 'issue_burst':
      return (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextInput name="count" label="More than (issues)" type="number" min={1} max={1000000} required defaultValue={values.count as number} />
          {hours(168)}
          <NativeSelect name="issueType" label="Type" defaultValue={(values.issueType as string | undefined) ?? ''}>
            <option value="">Any type</option>
            {ISSUE_TYPES.map((type) => (
              <option key={type} value={type}>
                {ISSUE_TYPE_LABELS[type]}
              </option>
            ))}
          </NativeSelect>
          <TextInput name="errorCode" label="Error code" type="number" placeholder="Any" defaultValue={values.errorCode as number | undefined} />
        </Stack>
      );
  }
}
