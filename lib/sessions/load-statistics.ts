import 'server-only';
// What a Statistics sub-tab shows (a user's or a profile's): the period (default: the last 3
// days), one page of sessions in the chosen order with the admin's column choice, the query of
// its "This period" downloads — or the message of a bad parameter or a stale page link. Pages
// load it; components/statistics/statistics-view.tsx renders it.
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import type { KeysetPage } from '@/lib/paging/keyset';
import { parsePaging, parseSort, single, type SearchParams } from '@/lib/paging/list-params';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { listSessions, type SessionRow } from './list-sessions';
import { defaultStatisticsRange, parseSessionParams } from './parse-session-params';
import type { SessionOwner } from './session-filters';
import { SESSION_SORT_KEYS, type SessionSortKey } from './session-order';

type StatisticsTable = 'user-statistics' | 'profile-statistics';

export interface StatisticsData {
  now: Date;
  from: Date;
  to: Date;
  table: StatisticsTable;
  result:
    | { ok: false; message: string }
    | {
        ok: true;
        page: KeysetPage<SessionRow>;
        columnVisibility: Awaited<ReturnType<typeof getColumnVisibility>>;
        sort: SessionSortKey;
        direction: 'asc' | 'desc';
        pageSize: number;
        /** The query of "This period" downloads: the period and its filters, as the table shows. */
        periodQuery: string;
      };
}

export async function loadStatistics(viewer: TenantViewer, owner: SessionOwner, params: SearchParams): Promise<StatisticsData> {
  const now = new Date();
  const defaults = defaultStatisticsRange(now);
  const parsed = parseSessionParams(params, defaults);
  const paging = parsePaging(params);
  // Newest first unless the URL says otherwise.
  const order = parseSort(single(params.sort) ?? '-startedAt', SESSION_SORT_KEYS, 'startedAt');
  const from = parsed.ok && parsed.value.range.from ? parsed.value.range.from : defaults.from;
  const to = parsed.ok && parsed.value.range.to ? parsed.value.range.to : defaults.to;
  const table: StatisticsTable = owner.kind === 'user' ? 'user-statistics' : 'profile-statistics';
  const base = { now, from, to, table };
  if (!parsed.ok) return { ...base, result: { ok: false, message: parsed.message } };
  if (!paging.ok) return { ...base, result: { ok: false, message: paging.message } };
  if (!order.ok) return { ...base, result: { ok: false, message: order.message } };
  try {
    const [page, columnVisibility] = await Promise.all([
      listSessions(viewer, { owner, ...parsed.value, ids: null }, { ...order.value, ...paging.value }),
      getColumnVisibility(viewer, table),
    ]);
    const { status, errorSource, errorCategory } = parsed.value;
    const periodQuery = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      ...(status ? { status } : {}),
      ...(errorSource ? { errorSource } : {}),
      ...(errorCategory ? { errorCategory } : {}),
    }).toString();
    return { ...base, result: { ok: true, page, columnVisibility, sort: order.value.sort, direction: order.value.direction, pageSize: paging.value.pageSize, periodQuery } };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return { ...base, result: { ok: false, message: error.message } };
  }
}
