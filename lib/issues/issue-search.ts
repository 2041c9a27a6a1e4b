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

/** Whether a parsed search narrows the issues at all (a count then says "matching these filters"). */
export function narrowsIssues(search: z.infer<typeof issueFilterSearch>): boolean {
  return Boolean(search.range.from || search.range.to || search.type || search.operation || search.code !== null);
}

export const issueListSearch = z
  .object({ ...issueFilterFields, ...pagingFields, sort: sortOrder(['occurredAt'], '-occurredAt') })
  .transform(toPeriod())
  .transform(toPaging);
