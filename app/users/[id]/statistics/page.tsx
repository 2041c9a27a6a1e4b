// /users/{id}/statistics?from=&to= — one user's sync sessions.
import type { Metadata } from 'next';
import { StatisticsView } from '@/components/statistics/statistics-view';
import { loadStatistics } from '@/lib/sessions/load-statistics';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import type { SearchParams } from '@/lib/search/search-params';
import { getUser } from '@/lib/users/get-user';

export const metadata: Metadata = { title: 'User statistics' };

export default async function UserStatisticsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const user = await orNotFound(getUser(viewer, (await params).id));
  const owner = { kind: 'user', id: user.id } as const;
  const query = await searchParams;
  const data = await loadStatistics(viewer, owner, query);
  return <StatisticsView data={data} owner={owner} ownerName={user.name} path={`/users/${user.id}/statistics`} params={query} />;
}
