'use client';
// A user's sync issues: every field of the seed, the error code with its meaning (an unknown
// code as "Unknown (n)", never dropped), newest first.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { ListGrid } from '@/components/lists/list-grid';
import { LocalDateTime } from '@/components/time/local-date-time';
import { CONNECTIVITY_LABELS, errorCodeLabel, errorCodeMeaning, ISSUE_TYPE_LABELS, OPERATION_LABELS } from '@/lib/issues/issue-labels';
import type { IssueRow } from '@/lib/issues/list-issues';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';

export function IssuesGrid({ rows, direction, label }: { rows: IssueRow[]; direction: 'asc' | 'desc'; label: string }) {
  const columns: GridColDef<IssueRow>[] = [
    { field: 'id', headerName: 'ID', width: 110, sortable: false, renderCell: ({ row }) => <span title={row.id}>{row.id.slice(0, 8)}</span> },
    { field: 'userName', headerName: 'User name', width: 140, sortable: false },
    { field: 'profileName', headerName: 'Profile name', width: 140, sortable: false },
    { field: 'occurredAt', headerName: 'Date', width: 190, renderCell: ({ row }) => <LocalDateTime iso={row.occurredAt} /> },
    { field: 'type', headerName: 'Type', width: 95, sortable: false, valueGetter: (_v, row) => ISSUE_TYPE_LABELS[row.type] },
    { field: 'direction', headerName: 'Connectivity', width: 190, sortable: false, valueGetter: (_v, row) => CONNECTIVITY_LABELS[row.direction] },
    { field: 'name', headerName: 'Name', width: 170, sortable: false },
    { field: 'operation', headerName: 'Operation name', width: 120, sortable: false, valueGetter: (_v, row) => OPERATION_LABELS[row.operation] },
    {
      field: 'errorCode',
      headerName: 'Error Code',
      width: 260,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack sx={{ py: 0.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {errorCodeLabel(row.errorCode)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {errorCodeMeaning(row.errorCode)}
          </Typography>
        </Stack>
      ),
    },
    { field: 'description', headerName: 'Description', minWidth: 220, flex: 1, sortable: false, renderCell: ({ row }) => <span title={row.description ?? ''}>{row.description}</span> },
    { field: 'errorSource', headerName: 'Error source', width: 130, sortable: false, valueGetter: (_v, row) => (row.errorSource ? ERROR_SOURCE_LABELS[row.errorSource] : '') },
    { field: 'targetObjectId', headerName: 'Target object ID', width: 190, sortable: false },
  ];
  return (
    <ListGrid label={label} rows={rows} columns={columns} sort={{ field: 'occurredAt', direction }} defaultSort="-occurredAt" wrapRows />
  );
}
