// The audit log's filters: a plain GET form, so every view is a link.
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/audit-actions';

export function AuditFilters({ path, actions, values }: { path: string; actions: AuditAction[]; values: { from: string; to: string; action: string } }) {
  return (
    <form method="get" action={path} aria-label="Filter the audit log">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField name="from" type="date" label="From (UTC)" size="small" defaultValue={values.from} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField name="to" type="date" label="To (UTC, exclusive)" size="small" defaultValue={values.to} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField
          name="action"
          select
          label="Action"
          size="small"
          defaultValue={values.action}
          sx={{ minWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">All actions</MenuItem>
          {actions.map((action) => (
            <MenuItem key={action} value={action}>
              {AUDIT_ACTIONS[action]}
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="contained">
          Apply
        </Button>
      </Stack>
    </form>
  );
}
