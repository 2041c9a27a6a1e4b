// The profiles list's URL: status (enabled|disabled), sort (name|-name), pageSize, after/before.
import { z } from 'zod';
import { oneOf, pagingFields, sortOrder, toPaging } from '@/lib/search/fields';

export const profileListSearch = z
  .object({ status: oneOf('status', ['enabled', 'disabled', 'removed'], 'enabled, disabled or removed'), ...pagingFields, sort: sortOrder(['name'], 'name') })
  .transform(toPaging)
  .transform(({ sort, ...rest }) => ({ ...rest, direction: sort.direction }));
