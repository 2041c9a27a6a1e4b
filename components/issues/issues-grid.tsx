'use client';
// A user's sync issues: every field of the seed, the error code with its meaning (an unknown
// code as "Unknown (n)", never dropped), newest first, sized to fit a laptop.
import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import NextLink from 'next/link';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { TruncatedText } from '@/components/cells/truncated-text';
import { WrappedText } from '@/components/cells/wrapped-text';
import { ListGrid } from '@/components/lists/list-grid';
import { LocalDateTime } from '@/components/time/local-date-time';
import { explainIssueCode } from '@/lib/errors/error-catalog';
import { CONNECTIVITY_LABELS, errorCodeLabel, errorCodeMeaning, ISSUE_TYPE_LABELS, OPERATION_LABELS } from '@/lib/issues/issue-labels';
import type { IssueListRow } from '@/lib/issues/issue-log-links';
import type { IssueRow } from '@/lib/issues/list-issues';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';

// "MS Outlook -> Salesforce" in a narrow column: the break falls before the arrow, never in it.
function ConnectivityText({ direction }: { direction: IssueRow['direction'] }) {
  const [from, to] = CONNECTIVITY_LABELS[direction].split(' -> ');
  return (
    <WrappedText
      text={
        <>
          {from} <span style={{ whiteSpace: 'nowrap' }}>-&gt; {to}</span>
        </>
      }
    />
  );
}

// The page's header names the user and their profile: those columns start hidden (Columns
// brings them back).
const HIDDEN_ON_A_USERS_PAGE = { userName: false, profileName: false };

export function IssuesGrid({ rows, direction, label, columnVisibility }: { rows: IssueListRow[]; direction: 'asc' | 'desc'; label: string; columnVisibility: Record<string, boolean> }) {
  const columns: GridColDef<IssueListRow>[] = [
    { field: 'id', headerName: 'ID', width: 88, sortable: false, renderCell: ({ row }) => <span title={row.id}>{row.id.slice(0, 8)}</span> },
    { field: 'userName', headerName: 'User name', width: 130, sortable: false },
    { field: 'profileName', headerName: 'Profile name', width: 130, sortable: false },
    { field: 'occurredAt', headerName: 'Date', width: 122, renderCell: ({ row }) => <LocalDateTime iso={row.occurredAt} compact /> },
    { field: 'type', headerName: 'Type', width: 76, sortable: false, valueGetter: (_v, row) => ISSUE_TYPE_LABELS[row.type] },
    {
      field: 'direction',
      headerName: 'Connectivity',
      width: 120,
      sortable: false,
      valueGetter: (_v, row) => CONNECTIVITY_LABELS[row.direction],
      renderCell: ({ row }) => <ConnectivityText direction={row.direction} />,
    },
    { field: 'name', headerName: 'Name', width: 120, sortable: false, renderCell: ({ row }) => <TruncatedText text={row.name} label="Name" /> },
    { field: 'operation', headerName: 'Operation name', width: 92, sortable: false, valueGetter: (_v, row) => OPERATION_LABELS[row.operation] },
    {
      field: 'errorCode',
      headerName: 'Error Code',
      width: 170,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack sx={{ py: 0.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {errorCodeLabel(row.errorCode)}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.3 }}>
            {errorCodeMeaning(row.errorCode)}
          </Typography>
        </Stack>
      ),
    },
    { field: 'description', headerName: 'Description', minWidth: 150, flex: 1, sortable: false, renderCell: ({ row }) => <TruncatedText text={row.description} label="Description" explanation={explainIssueCode(row.errorCode)} /> },
    { field: 'errorSource', headerName: 'Error source', width: 96, sortable: false, valueGetter: (_v, row) => (row.errorSource ? ERROR_SOURCE_LABELS[row.errorSource] : ''), renderCell: ({ value }) => <WrappedText text={value} /> },
    { field: 'targetObjectId', headerName: 'Target object ID', width: 156, sortable: false, renderCell: ({ row }) => <TruncatedText text={row.targetObjectId} label="Target object ID" /> },
    {
      field: 'log',
      headerName: 'Log',
      width: 56,
      sortable: false,
      renderCell: ({ row }) =>
        row.logSessionId ? (
          <Tooltip title="View the log of the session this issue happened in">
            <IconButton size="small" component={NextLink} href={`/sessions/${row.logSessionId}/log`} aria-label={`View the log of the session of issue ${row.id.slice(0, 8)}`}>
              <ArticleOutlinedIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ) : (
          <span title="No log for this issue's session" aria-label="No log">
            —
          </span>
        ),
    },
  ];
  return (
    <ListGrid
      label={label}
      rows={rows}
      columns={columns}
      sort={{ field: 'occurredAt', direction }}
      defaultSort="-occurredAt"
      empty="No sync issues match these filters."
      wrapRows
      keyColumns={['occurredAt', 'errorCode', 'name']}
      columnChoice={{ table: 'user-sync-issues', visibility: { ...HIDDEN_ON_A_USERS_PAGE, ...columnVisibility } }}
    />
  );
}
