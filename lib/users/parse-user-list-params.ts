// The users list's URL: status (effective), q, sort, pageSize, after/before.
import { parsePaging, parseSort, single, type Parsed, type SearchParams } from '@/lib/paging/list-params';
import { EFFECTIVE_SYNC_STATUSES, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status';
import { USER_SORT_KEYS, type UserListQuery } from './list-users';

export function parseUserListParams(params: SearchParams): Parsed<Omit<UserListQuery, 'profileId'>> {
  const status = single(params.status);
  if (status && !EFFECTIVE_SYNC_STATUSES.includes(status as EffectiveSyncStatus)) {
    return { ok: false, message: `"status" must be enabled, disabled or error (got "${status}").` };
  }
  const q = single(params.q)?.trim() ?? '';
  if (q.length > 200) return { ok: false, message: 'The search text is too long (200 characters at most).' };
  const sort = parseSort(single(params.sort), USER_SORT_KEYS, 'name');
  if (!sort.ok) return sort;
  const paging = parsePaging(params);
  if (!paging.ok) return paging;
  return { ok: true, value: { status: (status as EffectiveSyncStatus) || null, q: q || null, ...sort.value, ...paging.value } };
}
