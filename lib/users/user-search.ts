// The users list's URL: status (effective), q, sort, pageSize, after/before; its CSV takes the
// same filters and order.
import { z } from 'zod';
import { oneOf, pagingFields, sortOrder, text, toPaging } from '@/lib/search/fields';
import { EFFECTIVE_SYNC_STATUSES } from '@/lib/sync-status/effective-sync-status-labels';
import { USER_SORT_KEYS } from './list-users';

const userFilterFields = { status: oneOf('status', EFFECTIVE_SYNC_STATUSES, 'enabled, disabled or error'), q: text('q', 200), sort: sortOrder(USER_SORT_KEYS, 'name') };

export const userListSearch = z
  .object({ ...userFilterFields, ...pagingFields })
  .transform(toPaging)
  .transform(({ sort, ...rest }) => ({ ...rest, ...sort }));

/** The users CSV: the list's filters and order, every page. */
export const userExportSearch = z.object(userFilterFields).transform(({ sort, ...rest }) => ({ ...rest, ...sort }));
