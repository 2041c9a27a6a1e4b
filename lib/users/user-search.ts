// The users list's URL: status (effective), q, sort, pageSize, after/before.
import { z } from 'zod';
import { oneOf, pagingFields, sortOrder, text, toPaging } from '@/lib/search/fields';
import { EFFECTIVE_SYNC_STATUSES } from '@/lib/sync-status/effective-sync-status';
import { USER_SORT_KEYS } from './list-users';

export const userListSearch = z
  .object({ status: oneOf('status', EFFECTIVE_SYNC_STATUSES, 'enabled, disabled or error'), q: text('q', 200), ...pagingFields, sort: sortOrder(USER_SORT_KEYS, 'name') })
  .transform(toPaging)
  .transform(({ sort, ...rest }) => ({ ...rest, ...sort }));
