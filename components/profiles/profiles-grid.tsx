'use client';
// The profiles table: Synchronization status as text and colour (or Removed, under the Removed
// filter), users and users in error.
import Link from '@mui/material/Link';
import type { GridColDef } from '@mui/x-data-grid';
import NextLink from 'next/link';
import { linkColumn } from '@/components/lists/link-column';
import { ListGrid } from '@/components/lists/list-grid';
import { StatusChip } from '@/components/status/status-chip';
import { SyncStatusChip } from '@/components/status/sync-status-chips';
import type { ProfileRow } from '@/lib/profiles/list-profiles';

export function ProfilesGrid({ rows, direction, columnVisibility }: { rows: ProfileRow[]; direction: 'asc' | 'desc'; columnVisibility: Record<string, boolean> }) {
  const columns: GridColDef<ProfileRow>[] = [
    linkColumn({ field: 'name', headerName: 'Profile', flex: 1, minWidth: 200 }, (row) => ({ href: `/profiles/${row.id}/users`, text: row.name })),
    { field: 'syncEnabled', headerName: 'Synchronization status', width: 200, sortable: false, renderCell: ({ row }) => (row.removed ? <StatusChip label="Removed" tone="neutral" /> : <SyncStatusChip enabled={row.syncEnabled} />) },
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
    <ListGrid
      label="Profiles"
      rows={rows} columns={columns} sort={{ field: 'name', direction }} defaultSort="name" empty="No profiles yet: they appear once the sync engine reports them."
      columnChoice={{ table: 'profiles', visibility: columnVisibility }}
    />
  );
}
