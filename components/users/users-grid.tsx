'use client';
// The users table: statuses as text and colour, the reason of an error at hand, server-side
// sorting on name and email (the indexed columns).
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import type { GridColDef, GridRowSelectionModel } from '@mui/x-data-grid';
import NextLink from 'next/link';
import { EffectiveStatusChip, SessionStatusChip, SyncStatusChip } from '@/components/status/sync-status-chips';
import { LocalDateTime } from '@/components/time/local-date-time';
import type { UserRow } from '@/lib/users/list-users';
import { linkColumn } from '@/components/lists/link-column';
import { ListGrid } from '@/components/lists/list-grid';

export interface UsersGridProps {
  rows: UserRow[];
  sort: string;
  direction: 'asc' | 'desc';
  showProfile: boolean;
  label: string;
  issuesSince: string;
  columnVisibility: Record<string, boolean>;
}

/** The grid's selection, when the list has one (selectable-users-grid.tsx). */
interface UsersGridSelection {
  checkboxSelection?: boolean;
  rowSelectionModel?: GridRowSelectionModel;
  onRowSelectionModelChange?: (model: GridRowSelectionModel) => void;
}

export function UsersGrid({ rows, sort, direction, showProfile, label, issuesSince, columnVisibility, ...selection }: UsersGridProps & UsersGridSelection) {
  const columns: GridColDef<UserRow>[] = [
    linkColumn({ field: 'name', headerName: 'Name', flex: 1, minWidth: 150 }, (row) => ({ href: `/users/${row.id}`, text: row.name })),
    { field: 'email', headerName: 'Email', flex: 1.2, minWidth: 190 },
    ...(showProfile
      ? [
          {
            field: 'profileName',
            headerName: 'Profile',
            flex: 0.8,
            minWidth: 130,
            sortable: false,
            renderCell: ({ row }: { row: UserRow }) => (
              <Link component={NextLink} href={`/profiles/${row.profileId}/users`}>
                {row.profileName}
              </Link>
            ),
          } satisfies GridColDef<UserRow>,
        ]
      : []),
    {
      field: 'profileSyncEnabled',
      headerName: 'Synchronization status',
      width: 118,
      sortable: false,
      renderCell: ({ row }) => <SyncStatusChip enabled={row.profileSyncEnabled} />,
    },
    {
      field: 'effectiveStatus',
      headerName: 'Effective synchronization status',
      minWidth: 210,
      flex: 1,
      sortable: false,
      renderCell: ({ row }) => <EffectiveStatusChip status={row.effectiveStatus} reason={row.syncErrorReason} />,
    },
    {
      field: 'recentIssues',
      headerName: 'Issues (3 days)',
      width: 84,
      sortable: false,
      type: 'number',
      // The same period on the user's Sync issues page, so the figure and the list agree.
      renderCell: ({ row }) => (
        <Link component={NextLink} href={`/users/${row.id}/sync-issues?from=${encodeURIComponent(issuesSince)}`} aria-label={`${row.recentIssues} sync issues of ${row.name} in 3 days`}>
          {row.recentIssues}
        </Link>
      ),
    },
    {
      field: 'lastSessionStartedAt',
      headerName: 'Last session',
      width: 188,
      sortable: false,
      renderCell: ({ row }) =>
        row.lastSessionStartedAt && row.lastSessionStatus ? (
          <Stack spacing={0.25} sx={{ alignItems: 'flex-start', py: 0.5 }}>
            <LocalDateTime iso={row.lastSessionStartedAt} compact />
            <SessionStatusChip status={row.lastSessionStatus} />
          </Stack>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <ListGrid label={label} rows={rows} columns={columns} sort={{ field: sort, direction }} defaultSort="name" empty="No users match these filters." wrapRows keyColumns={['name', 'effectiveStatus', 'lastSessionStartedAt']}
      columnChoice={{ table: showProfile ? 'users' : 'profile-users', visibility: columnVisibility }}
      {...selection}
    />
  );
}
