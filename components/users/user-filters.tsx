// Filter by effective status and search by name or email: a GET form, so every view is a link.
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { EFFECTIVE_SYNC_STATUSES, EFFECTIVE_SYNC_STATUS_LABELS } from '@/lib/sync-status/effective-sync-status';

export function UserFilters({ path, status, q, sort }: { path: string; status: string; q: string; sort: string }) {
  return (
    <form method="get" action={path} role="search" aria-label="Filter users">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          name="status"
          select
          label="Effective synchronization status"
          size="small"
          defaultValue={status}
          sx={{ minWidth: 280 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">All statuses</MenuItem>
          {EFFECTIVE_SYNC_STATUSES.map((value) => (
            <MenuItem key={value} value={value}>
              {EFFECTIVE_SYNC_STATUS_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        <TextField name="q" type="search" label="Search name or email" size="small" defaultValue={q} sx={{ minWidth: 280 }} />
        {sort && <input type="hidden" name="sort" value={sort} />}
        <Button type="submit" variant="contained">
          Apply
        </Button>
      </Stack>
    </form>
  );
}
