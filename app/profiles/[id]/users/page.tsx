// /profiles/{id}/users — the profile's users with their Effective synchronization status.
import type { Metadata } from 'next';
import { UsersList } from '@/components/users/users-list';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import type { SearchParams } from '@/lib/paging/list-params';
import { getProfile } from '@/lib/profiles/get-profile';
import { orNotFound } from '@/lib/http/or-not-found';

export const metadata: Metadata = { title: 'Profile users' };

export default async function ProfileUsersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  return <UsersList viewer={viewer} path={`/profiles/${profile.id}/users`} params={await searchParams} profileId={profile.id} label={`Users of ${profile.name}`} />;
}
