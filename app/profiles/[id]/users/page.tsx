// /profiles/{id}/users — the profile's users with their Effective synchronization status.
import type { Metadata } from 'next';
import { UsersList } from '@/components/users/users-list';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import type { SearchParams } from '@/lib/search/search-params';
import { getProfile } from '@/lib/profiles/get-profile';
import { orNotFound } from '@/lib/http/or-not-found';
import { loadUsersList } from '@/lib/users/load-users-list';

export const metadata: Metadata = { title: 'Profile users' };

export default async function ProfileUsersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  const query = await searchParams;
  const data = await loadUsersList(viewer, query, profile.id);
  return <UsersList data={data} path={`/profiles/${profile.id}/users`} params={query} showProfile={false} label={`Users of ${profile.name}`} />;
}
