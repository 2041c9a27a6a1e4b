// The statistics URL and the session downloads' query: from/to (ISO 8601; a bare date is
// 00:00 UTC), status, errorCategory, errorSource, user; a Statistics tab adds its order and page, a
// download may name a selection instead (ids, at most 1,000 sessions) or leave sessions of the
// period out (except, at most 1,000).
import { z } from 'zod';
import { ERROR_SOURCES, SESSION_STATUSES } from '@/domain/sync-vocabulary';
import { idList, oneOf, singleId, pagingFields, periodFields, sortOrder, text, toPaging, toPeriod } from '@/lib/search/fields';
import type { TimeRange } from '@/lib/time/parse-instant';
import { MAX_SELECTION_IDS } from '@/lib/paging/selection-limit';
import { SESSION_SORT_KEYS } from './session-order';

const sessionFilterFields = {
  ...periodFields,
  status: oneOf('status', SESSION_STATUSES),
  errorCategory: text('errorCategory', 100),
  errorSource: oneOf('errorSource', ERROR_SOURCES),
  // A profile's statistics narrowed to one of its users (on a user's own page it changes nothing).
  user: singleId('user', 'a user'),
};

/** A download: the period (all time where an end is absent) and its filters, or a selection —
 *  chosen sessions (`ids`), or the period's sessions except some (`except`). */
export const sessionDownloadSearch = z
  .object({ ...sessionFilterFields, ids: idList('ids', 'session ids', MAX_SELECTION_IDS), except: idList('except', 'session ids', MAX_SELECTION_IDS) })
  .refine((search) => !(search.ids && search.except), 'Give the chosen sessions (ids) or the sessions to leave out (except), not both.')
  .transform(toPeriod());

/** The ZIP of a user's sessions: a whole period or a selection, never all time (logs are large). */
export const sessionZipSearch = sessionDownloadSearch.refine((search) => search.ids || (search.range.from && search.range.to), 'Give a period (from and to) or a selection (ids).');

/** A profile's sessions CSV: a period (or all time); a selection belongs to a user's page. */
export const profileSessionsSearch = sessionDownloadSearch.refine((search) => !search.ids && !search.except, 'A profile export takes a period, not a selection.');

/** A Statistics tab: the period (the defaults where an end is absent), its filters, newest first unless sorted. */
export const statisticsSearch = (defaults: TimeRange) =>
  z
    .object({ ...sessionFilterFields, ...pagingFields, sort: sortOrder(SESSION_SORT_KEYS, '-startedAt') })
    .transform(toPeriod(defaults))
    .transform(toPaging);
