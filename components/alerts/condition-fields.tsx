'use client';
// The figures of a rule's condition, one field per parameter of its kind, with the bounds the
// server checks (lib/alerts/alert-rule-kinds.ts) and the rule's own values, or the kind's defaults.
import Stack from '@mui/material/Stack';
import { RULE_FIGURES, type AlertRuleKind, type WholeFigure } from '@/lib/alerts/alert-rule-kinds';
import { ISSUE_TYPES } from '@/domain/sync-vocabulary';
import { ISSUE_TYPE_LABELS } from '@/lib/issues/issue-labels';
import { NativeSelect, TextInput } from './rule-inputs';

/** A whole-number field of the condition: the rule's value when it is within bounds, else the default. */
function FigureInput({ name, label, figure, params }: { name: string; label: string; figure: WholeFigure; params: Record<string, unknown> }) {
  const value = Number(params[name]);
  const start = Number.isInteger(value) && value >= figure.min && value <= figure.max ? value : figure.fallback;
  return <TextInput name={name} label={label} type="number" min={figure.min} max={figure.max} required defaultValue={start} />;
}

export function ConditionFields({ kind, params }: { kind: AlertRuleKind; params: Record<string, unknown> }) {
  const hours = (figure: WholeFigure) => <FigureInput name="hours" label="Hours" figure={figure} params={params} />;
  switch (kind) {
    case 'user_error':
      return null;
    case 'user_error_streak':
      return <FigureInput name="sessions" label="Error sessions in a row" figure={RULE_FIGURES.user_error_streak.sessions} params={params} />;
    case 'user_no_healthy_session':
      return hours(RULE_FIGURES.user_no_healthy_session.hours);
    case 'engine_silent':
      return hours(RULE_FIGURES.engine_silent.hours);
    case 'profile_error_share': {
      const figures = RULE_FIGURES.profile_error_share;
      return (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <FigureInput name="percent" label="Error share above (%)" figure={figures.percent} params={params} />
          {hours(figures.hours)}
          <FigureInput name="minSessions" label="Counted from (sessions)" figure={figures.minSessions} params={params} />
        </Stack>
      );
    }
    case 'issue_burst': {
      const figures = RULE_FIGURES.issue_burst;
      const issueType = typeof params.issueType === 'string' ? params.issueType : '';
      const errorCode = typeof params.errorCode === 'number' ? params.errorCode : undefined;
      return (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <FigureInput name="count" label="More than (issues)" figure={figures.count} params={params} />
          {hours(figures.hours)}
          <NativeSelect name="issueType" label="Type" defaultValue={issueType}>
            <option value="">Any type</option>
            {ISSUE_TYPES.map((type) => (
              <option key={type} value={type}>
                {ISSUE_TYPE_LABELS[type]}
              </option>
            ))}
          </NativeSelect>
          <TextInput name="errorCode" label="Error code" type="number" placeholder="Any" defaultValue={errorCode} />
        </Stack>
      );
    }
  }
}
