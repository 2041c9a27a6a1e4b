'use client';
// The profiles table: Synchronization status as text and colour, users and users in error.
import Link from '@mui/material/Link';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import NextLink from 'next/link';
import { SERVER_GRID_PROPS } from '@/components/lists/server-grid-props';
import { useSortNavigation } from '@/components/lists/use-sort-navigation';
import { SyncStatusChip } from '@/components/status/sync-status-chips';
import type { ProfileRow } from '@/lib/profiles/list-profiles';

export function ProfilesGrid({ rows, direction }: { rows: ProfileRow[]; direction: 'asc' | 'desc' }) {
  const onSortModelChange = useSortNavigation('name');
  const columns: GridColDef<ProfileRow>[] = [
    {
      field: 'name',
      headerName: 'Profile',
      flex: 1,
      minWidth: 200,
      renderCell: ({ row }) => (
        <Link component={NextLink} href={`/profiles/${row.id}/users`}>
          {row.name}
        </Link>
      ),
    },
    { field: 'syncEnabled', headerName: 'Synchronization status', width: 200, sortable: false, renderCell: ({ row }) => <SyncStatusChip enabled={row.syncEnabled} /> },
    { field: 'users', headerName: 'Users', width: 120, type: 'number', sortable: false },
    {
      field: 'usersInError',
      headerName: 'Users in error',
      width: 150,
      type: 'number',
      sortable: false,
      renderCell: ({ row }) =>
        row.usersInError > 0 ? (
          <Link component={NextLink} href={`/profiles/${row.id}/users?status=error`} color="error">
            {row.usersInError}
          </Link>
        ) : (
          0
        ),
    },
  ];
  return (
    <DataGrid
      {...SERVER_GRID_PROPS}
      aria-label="Profiles"
      rows={rows}
      columns={columns}
      sortModel={[{ field: 'name', sort: direction }]}
      onSortModelChange={onSortModelChange}
      sx={{ bgcolor: 'background.paper' }}
    />
  );
}
