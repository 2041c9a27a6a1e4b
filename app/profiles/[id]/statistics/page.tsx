// /profiles/{id}/statistics?from=&to= — the profile's sync sessions.
import type { Metadata } from 'next';
import { StatisticsView } from '@/components/statistics/statistics-view';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import type { SearchParams } from '@/lib/paging/list-params';
import { getProfile } from '@/lib/profiles/get-profile';

export const metadata: Metadata = { title: 'Profile statistics' };

export default async function ProfileStatisticsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  return <StatisticsView viewer={viewer} owner={{ kind: 'profile', id: profile.id }} ownerName={profile.name} path={`/profiles/${profile.id}/statistics`} params={await searchParams} />;
}
