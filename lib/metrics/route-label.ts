// The `route` label of a request's metrics: its path with ids replaced, so that the series stay
// few (one per page or endpoint, not one per user). A path that matched nothing, and the build's
// static files, are one series each.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
const MAX_SEGMENTS = 6;

export function routeLabel(url: string, status: number): string {
  const path = url.split('?')[0]!;
  if (path.startsWith('/_next/static/') || path.startsWith('/_next/image')) return '/_next/static';
  if (status === 404) return 'unmatched';
  const segments = path.split('/').filter(Boolean);
  if (segments.length > MAX_SEGMENTS) return 'unmatched';
  return `/${segments.map((segment) => (UUID.test(segment) || NUMBER.test(segment) ? ':id' : segment.length > 60 ? ':long' : segment)).join('/')}`;
}
