import 'server-only';
// What /alerts/history shows: the filter values as given, the rules and channels to filter by,
// and one page of notifications with the links to the next and the first page — or the message
// of a bad parameter or a stale page link.
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError, PAGE_SIZES } from '@/lib/paging/cursor';
import { parseSearch } from '@/lib/search/parse-search';
import { single, type SearchParams } from '@/lib/search/search-params';
import { listAlertChannels } from './alert-channels';
import { alertHistorySearch } from './alert-history-search';
import { listAlertRules } from './alert-rules';
import { listAlertHistory, type AlertHistoryPage } from './list-alert-history';

const FILTERS = ['from', 'to', 'status', 'event', 'rule', 'channel'] as const;

export interface AlertHistoryData {
  params: SearchParams;
  now: string;
  rules: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  result: { ok: true; page: AlertHistoryPage; nextHref: string | null; firstHref: string | null } | { ok: false; message: string };
}

export async function loadAlertHistory(viewer: TenantViewer, searchParams: SearchParams): Promise<AlertHistoryData> {
  const [rules, channels] = await Promise.all([listAlertRules(viewer), listAlertChannels(viewer)]);
  const base = { params: searchParams, now: new Date().toISOString(), rules: rules.map(({ id, name }) => ({ id, name })), channels: channels.map(({ id, name }) => ({ id, name })) };
  const parsed = parseSearch(alertHistorySearch, searchParams);
  if (!parsed.ok) return { ...base, result: parsed };
  try {
    const page = await listAlertHistory(viewer, parsed.value);
    const link = (cursor: string | null) => {
      const query = new URLSearchParams(FILTERS.flatMap((name) => (single(searchParams[name]) ? [[name, single(searchParams[name])!]] : [])));
      if (parsed.value.pageSize !== PAGE_SIZES[0]) query.set('pageSize', String(parsed.value.pageSize));
      if (cursor) query.set('cursor', cursor);
      const text = query.toString();
      return text ? `/alerts/history?${text}` : '/alerts/history';
    };
    return { ...base, result: { ok: true, page, nextHref: page.nextCursor ? link(page.nextCursor) : null, firstHref: parsed.value.cursor ? link(null) : null } };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return { ...base, result: { ok: false, message: error.message } };
  }
}
