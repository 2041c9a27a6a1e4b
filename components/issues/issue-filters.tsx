// Filters of a user's or a profile's sync issues: a GET form, so every view is a link.
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { single, type SearchParams } from '@/lib/search/search-params';
import { ERROR_CODE_MEANINGS } from '@/domain/sync-vocabulary';
import { ISSUE_TYPE_LABELS, OPERATION_LABELS } from '@/lib/issues/issue-labels';

type Values = { from: string; to: string; type: string; operation: string; code: string };

/** The filter fields as the URL has them ('' when absent), for the form and for "is it filtered?". */
export function issueFilterValues(params: SearchParams): Values {
  const text = (key: keyof Values) => single(params[key]) ?? '';
  return { from: text('from'), to: text('to'), type: text('type'), operation: text('operation'), code: text('code') };
}

function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <TextField name={name} select label={label} size="small" defaultValue={value} sx={{ minWidth: 150 }} slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
      <MenuItem value="">All</MenuItem>
      {options.map(([key, text]) => (
        <MenuItem key={key} value={key}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function IssueFilters({ path, values }: { path: string; values: Values }) {
  return (
    <form method="get" action={path} aria-label="Filter sync issues">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField name="from" type="date" label="From (UTC)" size="small" defaultValue={values.from.slice(0, 10)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField name="to" type="date" label="To (UTC, exclusive)" size="small" defaultValue={values.to.slice(0, 10)} slotProps={{ inputLabel: { shrink: true } }} />
        <Choice name="type" label="Type" value={values.type} options={Object.entries(ISSUE_TYPE_LABELS)} />
        <Choice name="operation" label="Operation" value={values.operation} options={Object.entries(OPERATION_LABELS)} />
        <Choice
          name="code"
          label="Error code"
          value={values.code}
          options={[...Object.keys(ERROR_CODE_MEANINGS), ...(values.code && !(values.code in ERROR_CODE_MEANINGS) ? [values.code] : [])].map((code) => [code, code])}
        />
        <Button type="submit" variant="contained">
          Apply
        </Button>
      </Stack>
    </form>
  );
}
