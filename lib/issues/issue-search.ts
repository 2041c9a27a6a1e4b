// The sync issues URL and download query: from, to (absent = all time), type, operation, code;
// the pages add their order (newest first unless sorted) and page.
import { z } from 'zod';
import { ISSUE_OPERATIONS, ISSUE_TYPES } from '@/domain/sync-vocabulary';
import { oneOf, pagingFields, periodFields, sortOrder, toPaging, toPeriod, wholeNumber } from '@/lib/search/fields';

const issueFilterFields = {
  ...periodFields,
  type: oneOf('type', ISSUE_TYPES),
  operation: oneOf('operation', ISSUE_OPERATIONS),
  code: wholeNumber('code'),
};

export const issueFilterSearch = z.object(issueFilterFields).transform(toPeriod());

export const issueListSearch = z
  .object({ ...issueFilterFields, ...pagingFields, sort: sortOrder(['occurredAt'], '-occurredAt') })
  .transform(toPeriod())
  .transform(toPaging);
