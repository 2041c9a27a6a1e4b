import 'server-only';
// What a Statistics sub-tab shows (a user's or a profile's): the period (default: the last 3
// days), one page of sessions in the chosen order, how many match (capped), the admin's column
// choice, the query of its "This period" downloads — or the message of a bad parameter or a
// stale page link. Pages load it; components/statistics/statistics-view.tsx renders it.
import type { TenantViewer } from '@/lib/auth/viewer';
import { HttpError } from '@/lib/http/errors';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { getUser } from '@/lib/users/get-user';
import type { KeysetPage } from '@/lib/paging/keyset';
import { parseSearch } from '@/lib/search/parse-search';
import type { SearchParams } from '@/lib/search/search-params';
import { seenErrorCategories } from '@/lib/search/seen-filter-values';
import { listCategoryNotes } from '@/lib/errors/category-notes';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import type { CappedCount } from '@/lib/paging/capped-count';
import { countSessions, listSessions, type SessionRow } from './list-sessions';
import { defaultStatisticsRange } from '@/lib/time/period-presets';
import { statisticsSearch } from './session-search';
import type { SessionOwner } from './session-filters';
import type { SessionSortKey } from './session-order';

type StatisticsTable = 'user-statistics' | 'profile-statistics';

export interface StatisticsData {
  now: Date;
  /** The period shown when the URL names none (the last 3 days). */
  defaults: { from: Date; to: Date };
  from: Date;
  to: Date;
  table: StatisticsTable;
  /** The error categories the Filter by menu offers. */
  errorCategories: string[];
  /** The organisation's notes on error categories (shown with their explanation). */
  categoryNotes: Record<string, string>;
  /** The user a profile's statistics are narrowed to (`user=`), named when in scope. */
  narrowedTo: { id: string; name: string | null } | null;
  result:
    | { ok: false; message: string }
    | {
        ok: true;
        page: KeysetPage<SessionRow>;
        /** How many sessions the period and filters match, capped. */
        total: CappedCount;
        columnVisibility: Awaited<ReturnType<typeof getColumnVisibility>>;
        sort: SessionSortKey;
        direction: 'asc' | 'desc';
        pageSize: number;
        /** The query of "This period" downloads: the period and its filters, as the table shows. */
        periodQuery: string;
      };
}

/** The name of a user in the viewer's scope; null for anyone else (their sessions never show). */
async function userName(viewer: TenantViewer, userId: string): Promise<string | null> {
  try {
    return (await getUser(viewer, userId)).name;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

export async function loadStatistics(viewer: TenantViewer, owner: SessionOwner, params: SearchParams): Promise<StatisticsData> {
  const now = new Date();
  const defaults = defaultStatisticsRange(viewer.timeZone, now);
  const parsed = parseSearch(statisticsSearch(defaults), params);
  const { from, to } = parsed.ok ? (parsed.value.range as typeof defaults) : defaults;
  const table: StatisticsTable = owner.kind === 'user' ? 'user-statistics' : 'profile-statistics';
  const user = parsed.ok ? parsed.value.user : null;
  const [errorCategories, narrowedTo, categoryNotes] = await Promise.all([
    seenErrorCategories(viewer, owner.kind === 'profile' ? owner.id : null),
    user ? userName(viewer, user).then((name) => ({ id: user, name })) : null,
    listCategoryNotes(viewer),
  ]);
  const base = { now, defaults, from, to, table, errorCategories, narrowedTo, categoryNotes };
  if (!parsed.ok) return { ...base, result: { ok: false, message: parsed.message } };
  const { sort, pageSize, page: pageRequest, ...filter } = parsed.value;
  try {
    const [page, total, columnVisibility] = await Promise.all([
      listSessions(viewer, { owner, ...filter }, { ...sort, pageSize, page: pageRequest }),
      countSessions(viewer, { owner, ...filter }),
      getColumnVisibility(viewer, table),
    ]);
    const { status, errorSource, errorCategory, user } = filter;
    const periodQuery = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      ...(status ? { status } : {}),
      ...(errorSource ? { errorSource } : {}),
      ...(errorCategory ? { errorCategory } : {}),
      ...(user ? { user } : {}),
    }).toString();
    return { ...base, result: { ok: true, page, total, columnVisibility, sort: sort.sort, direction: sort.direction, pageSize, periodQuery } };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return { ...base, result: { ok: false, message: error.message } };
  }
}
