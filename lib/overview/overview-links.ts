// Where each overview figure leads: the list or statistics page it summarises, with the
// period (its whole days in the organisation's time zone, as the instants they start and end
// at, written short: lib/time/parse-instant.ts) and the matching filters.
import type { ErrorSource, SessionStatus } from '@/domain/sync-vocabulary';
import { compactInstant } from '@/lib/time/parse-instant';
import type { OverviewPeriod } from './overview-period';

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  return `${path}?${params.toString()}`;
}

export function overviewLinks(period: OverviewPeriod) {
  const range = { from: compactInstant(new Date(period.fromInstant)), to: compactInstant(new Date(period.toInstant)) };
  return {
    profileStatistics: (profileId: string, filters: { status?: SessionStatus; errorCategory?: string; errorSource?: ErrorSource | null } = {}) =>
      withQuery(`/profiles/${profileId}/statistics`, { ...range, ...filters }),
    userStatistics: (userId: string, filters: { status?: SessionStatus } = {}) => withQuery(`/users/${userId}/statistics`, { ...range, ...filters }),
    profileIssues: (profileId: string, filters: { type?: string; code?: number } = {}) => withQuery(`/profiles/${profileId}/sync-issues`, { ...range, ...filters }),
    userIssues: (userId: string) => withQuery(`/users/${userId}/sync-issues`, range),
    usersInError: () => '/users?status=error',
  };
}
