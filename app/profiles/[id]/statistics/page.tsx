// /profiles/{id}/statistics?from=&to= — the profile's sync sessions.
import type { Metadata } from 'next';
import { StatisticsView } from '@/components/statistics/statistics-view';
import { loadStatistics } from '@/lib/sessions/load-statistics';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import type { SearchParams } from '@/lib/search/search-params';
import { getProfile } from '@/lib/profiles/get-profile';

export const metadata: Metadata = { title: 'Profile statistics' };

export default async function ProfileStatisticsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  const owner = { kind: 'profile', id: profile.id } as const;
  const query = await searchParams;
  const data = await loadStatistics(viewer, owner, query);
  return <StatisticsView data={data} owner={owner} ownerName={profile.name} path={`/profiles/${profile.id}/statistics`} params={query} />;
}
