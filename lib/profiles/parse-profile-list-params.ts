// The profiles list's URL: status (enabled|disabled), sort (name|-name), pageSize, after/before.
import { parsePaging, parseSort, single, type Parsed, type SearchParams } from '@/lib/paging/list-params';
import type { ProfileListQuery, ProfileStatusFilter } from './list-profiles';

export function parseProfileListParams(params: SearchParams): Parsed<ProfileListQuery> {
  const status = single(params.status);
  if (status && status !== 'enabled' && status !== 'disabled') return { ok: false, message: `"status" must be enabled or disabled (got "${status}").` };
  const sort = parseSort(single(params.sort), ['name'] as const, 'name');
  if (!sort.ok) return sort;
  const paging = parsePaging(params);
  if (!paging.ok) return paging;
  return { ok: true, value: { status: (status as ProfileStatusFilter) || null, direction: sort.value.direction, ...paging.value } };
}
