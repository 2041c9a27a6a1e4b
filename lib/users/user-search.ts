// The users list's URL: status (effective), reason (the engine's, of users disabled due to an
// error), q, sort, pageSize, after/before; its CSV and its bulk actions take the same filters.
import { z } from 'zod';
import { idList, oneOf, pagingFields, singleId, sortOrder, text, toPaging } from '@/lib/search/fields';
import { MAX_SELECTION_IDS } from '@/lib/paging/selection-limit';
import { EFFECTIVE_SYNC_STATUSES } from '@/lib/sync-status/effective-sync-status-labels';
import type { UserTarget } from './user-target';
import { USER_SORT_KEYS } from './list-users';

/** What narrows the list: the same fields in the URL, the CSV and a bulk action's form. */
const userFilterFields = { status: oneOf('status', EFFECTIVE_SYNC_STATUSES, 'enabled, disabled, error or removed'), reason: text('reason', 2_000), q: text('q', 200) };
const userOrderField = { sort: sortOrder(USER_SORT_KEYS, 'name') };

export const userListSearch = z
  .object({ ...userFilterFields, ...userOrderField, ...pagingFields })
  .transform(toPaging)
  .transform(({ sort, ...rest }) => ({ ...rest, ...sort }));

/** The users CSV: the list's filters and order, every page. */
export const userExportSearch = z.object({ ...userFilterFields, ...userOrderField }).transform(({ sort, ...rest }) => ({ ...rest, ...sort }));

/** Which users a bulk action takes: the ticked (`ids`), or all the list's filters match
 *  (`target=all`, the filters, `except` the unticked), on the users list or a profile's Users
 *  tab (`profileId`; the scope is checked in the data layer). */
const userTargetFields = {
  target: z.enum(['chosen', 'all'], { error: '"target" must be chosen or all.' }),
  profileId: singleId('profileId', 'a profile'),
  ids: idList('ids', 'user ids', MAX_SELECTION_IDS),
  except: idList('except', 'user ids', MAX_SELECTION_IDS),
  ...userFilterFields,
};

type UserTargetFields = z.output<z.ZodObject<typeof userTargetFields>>;

function toUserTarget({ target, profileId, ids, except, ...filter }: UserTargetFields, ctx: z.core.$RefinementCtx<unknown>): { profileId: string | null; target: UserTarget } {
  if (target === 'chosen' && !ids?.length) ctx.issues.push({ code: 'custom', input: ids, message: 'Select at least one user.' });
  const inProfile = profileId ?? undefined;
  return {
    profileId,
    target: target === 'chosen' ? { kind: 'chosen', profileId: inProfile, ids: ids ?? [] } : { kind: 'all', filter: { ...filter, profileId: inProfile }, except: except ?? [] },
  };
}

/** Sync now for many users. */
export const bulkTargetInput = z.object(userTargetFields).transform((fields, ctx) => toUserTarget(fields, ctx));

/** Enable sync / Disable sync for many users. */
export const bulkSyncInput = z
  .object({ enabled: z.enum(['true', 'false'], { error: '"enabled" must be true or false.' }).transform((value) => value === 'true'), ...userTargetFields })
  .transform(({ enabled, ...fields }, ctx) => ({ enabled, ...toUserTarget(fields, ctx) }));
