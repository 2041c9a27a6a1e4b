// /users — every user in the admin's scope with their Effective synchronization status.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { UsersList } from '@/components/users/users-list';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import type { SearchParams } from '@/lib/search/search-params';
import { loadUsersList } from '@/lib/users/load-users-list';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const params = await searchParams;
  const data = await loadUsersList(viewer, params);
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Users</Typography>
      <Typography color="text.secondary">
        {viewer.profileIds === null ? 'All users of your organization.' : 'All users of the profiles you have access to.'} The Effective
        synchronization status is the user&apos;s current sync state; the Synchronization status is their profile&apos;s.
      </Typography>
      <UsersList data={data} path="/users" params={params} showProfile label="Users" />
    </Stack>
  );
}
