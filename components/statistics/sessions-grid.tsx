'use client';
// The sync sessions table of a user or a profile: the seed's columns sized to fit a laptop
// (compact dates, long text cut with the whole on hover and click), statuses as text and
// colour, the User ID as the name with the id copyable, View log and Download log per row, a
// selection for downloads that spans pages (components/lists/row-selection.ts), and the column chooser
// remembered per admin.
import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import DownloadForOfflineIcon from '@mui/icons-material/DownloadForOffline';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Stack from '@mui/material/Stack';
import { type GridColDef, type GridColumnVisibilityModel } from '@mui/x-data-grid';
import NextLink from 'next/link';
import { CopyableId } from '@/components/cells/copyable-id';
import { TruncatedText } from '@/components/cells/truncated-text';
import { WrappedText } from '@/components/cells/wrapped-text';
import type { NotedExplanation } from '@/components/errors/explanation-block';
import { ListGrid } from '@/components/lists/list-grid';
import { explainErrorCategory } from '@/lib/errors/error-catalog';
import { SessionStatusChip } from '@/components/status/sync-status-chips';
import { LocalDateTime } from '@/components/time/local-date-time';
import type { SessionRow } from '@/lib/sessions/list-sessions';
import type { SessionSortKey } from '@/lib/sessions/session-order';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import type { CappedCount } from '@/lib/paging/capped-count';
import type { DownloadLinks, SelectionDownload } from './download-toolbar';
import { SessionsGridToolbar } from './sessions-grid-toolbar';
import { applyPageModel, isEmptySelection, isSelected, pageModel, selectionFields, selectionLabel, selectionProblem } from '@/components/lists/row-selection';
import { SelectionBanner } from '@/components/lists/selection-banner';
import { useRowSelection } from '@/components/lists/use-row-selection';

export interface SessionsGridProps {
  rows: SessionRow[];
  table: 'user-statistics' | 'profile-statistics';
  label: string;
  sort: SessionSortKey;
  direction: 'asc' | 'desc';
  columnVisibility: GridColumnVisibilityModel;
  downloads: { userId?: string; profileId?: string; period: string };
  /** How many sessions the period holds (capped): what "select all of the period" means. */
  total: CappedCount;
  /** The organisation's notes on error categories, shown with their explanation. */
  categoryNotes: Record<string, string>;
}

const SELECTION_WORDS = { row: 'session', rows: 'sessions', pages: 'on any page of this period', taker: 'a download', all: 'of this period', narrow: 'the period or its filters' };

export function SessionsGrid({ rows, table, label, sort, direction, columnVisibility, downloads, total, categoryNotes }: SessionsGridProps) {
  // A session in error: what its category (from its source) means, in the category's and message's cell.
  const explain = (row: SessionRow): NotedExplanation | undefined =>
    row.status === 'error' ? { ...explainErrorCategory(row.errorCategory, row.errorSource), note: row.errorCategory ? categoryNotes[row.errorCategory] : null } : undefined;
  // A selection is a user's (the profile's table has none); it lives beyond this page.
  const [selection, setSelection] = useRowSelection(`${downloads.userId ?? downloads.profileId}|${downloads.period}`);
  const pageIds = rows.map((row) => row.id);
  const base = downloads.userId ? `/api/users/${downloads.userId}` : `/api/profiles/${downloads.profileId}`;
  const columns: GridColDef<SessionRow>[] = [
    {
      field: 'userId',
      headerName: 'User ID',
      minWidth: 140,
      flex: 1,
      sortable: false,
      renderCell: ({ row }) => (
        <CopyableId id={row.userId} name={row.userName}>
          <Link component={NextLink} href={`/users/${row.userId}/statistics`} noWrap>
            {row.userName}
          </Link>
        </CopyableId>
      ),
    },
    { field: 'startedAt', headerName: 'Synchronization start date', width: 140, renderCell: ({ row }) => <LocalDateTime iso={row.startedAt} compact /> },
    { field: 'endedAt', headerName: 'Synchronization end date', width: 140, renderCell: ({ row }) => <LocalDateTime iso={row.endedAt} compact /> },
    { field: 'status', headerName: 'Status', width: 150, renderCell: ({ row }) => <SessionStatusChip status={row.status} /> },
    { field: 'scope', headerName: 'Synchronization scope', width: 118, type: 'number', sortable: false },
    { field: 'changes', headerName: 'Changes', width: 76, type: 'number', sortable: false },
    { field: 'issues', headerName: 'Issues', width: 64, type: 'number', sortable: false },
    { field: 'errorCategory', headerName: 'Error category', width: 100, sortable: false, renderCell: ({ row }) => <TruncatedText text={row.errorCategory} label="Error category" explanation={explain(row)} /> },
    { field: 'errorSource', headerName: 'Error source', width: 96, sortable: false, valueGetter: (_value, row) => (row.errorSource ? ERROR_SOURCE_LABELS[row.errorSource] : ''), renderCell: ({ value }) => <WrappedText text={value} /> },
    { field: 'message', headerName: 'Message', minWidth: 120, flex: 1.5, sortable: false, renderCell: ({ row }) => <TruncatedText text={row.message} label="Message" explanation={explain(row)} /> },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 92,
      sortable: false,
      hideable: false,
      renderCell: ({ row }) =>
        row.hasLog ? (
          <>
            <Tooltip title="View log">
              <IconButton size="small" component={NextLink} href={`/sessions/${row.id}/log`} aria-label={`View log of the session started ${row.startedAt}`}>
                <ArticleOutlinedIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            <Tooltip title="Download log">
              <IconButton size="small" component="a" href={`/api/sessions/${row.id}/log.zip`} download aria-label={`Download log of the session started ${row.startedAt}`}>
                <DownloadForOfflineIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </>
        ) : (
          <span title="This session has no log" aria-label="No log">
            —
          </span>
        ),
    },
  ];
  const downloadLinks: DownloadLinks = {
    csvAll: `${base}/statistics.csv`,
    csvPeriod: `${base}/statistics.csv?${downloads.period}`,
    ...(downloads.userId ? { zipPeriod: `${base}/statistics.zip?${downloads.period}`, selectionTargets: { csv: `${base}/statistics.csv`, zip: `${base}/statistics.zip` } } : {}),
  };
  const selectionDownload: SelectionDownload = {
    label: selectionLabel(selection, total),
    fields: isEmptySelection(selection, total) ? null : selectionFields(selection, downloads.period),
    problem: selectionProblem(selection, SELECTION_WORDS),
  };
  const grid = (
    <ListGrid
      label={label}
      sort={{ field: sort, direction }}
      defaultSort="-startedAt"
      empty="No sync sessions in this period match these filters."
      rows={rows}
      columns={downloads.profileId ? columns : columns.filter((c) => c.field !== 'userId')}
      wrapRows
      keyColumns={['userId', 'startedAt', 'status', 'message']}
      checkboxSelection={Boolean(downloads.userId)}
      rowSelectionModel={pageModel(selection, pageIds)}
      onRowSelectionModelChange={(model) => setSelection(applyPageModel(selection, pageIds, model))}
      columnChoice={{ table, visibility: columnVisibility }}
      slots={{ toolbar: SessionsGridToolbar }}
      slotProps={{ toolbar: { downloadLinks, selection: selectionDownload } }}
    />
  );
  if (!downloads.userId) return grid;
  return (
    <Stack spacing={1}>
      <SelectionBanner selection={selection} total={total} wholePageTicked={pageIds.length > 0 && pageIds.every((id) => isSelected(selection, id))} onChange={setSelection} words={SELECTION_WORDS} />
      {grid}
    </Stack>
  );
}

