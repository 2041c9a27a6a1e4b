// /users/{id}/statistics?from=&to= — one user's sync sessions.
import type { Metadata } from 'next';
import { StatisticsView } from '@/components/statistics/statistics-view';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import type { SearchParams } from '@/lib/paging/list-params';
import { getUser } from '@/lib/users/get-user';

export const metadata: Metadata = { title: 'User statistics' };

export default async function UserStatisticsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const user = await orNotFound(getUser(viewer, (await params).id));
  return <StatisticsView viewer={viewer} owner={{ kind: 'user', id: user.id }} ownerName={user.name} path={`/users/${user.id}/statistics`} params={await searchParams} />;
}
