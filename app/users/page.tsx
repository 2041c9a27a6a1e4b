// /users — every user in the admin's scope with their Effective synchronization status.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { UsersList } from '@/components/users/users-list';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import type { SearchParams } from '@/lib/paging/list-params';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Users</Typography>
      <Typography color="text.secondary">
        {viewer.profileIds === null ? 'All users of your organization.' : 'All users of the profiles you have access to.'} The Effective
        synchronization status is the user&apos;s current sync state; the Synchronization status is their profile&apos;s.
      </Typography>
      <UsersList viewer={viewer} path="/users" params={await searchParams} label="Users" />
    </Stack>
  );
}
