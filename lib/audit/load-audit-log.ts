import 'server-only';
// What an audit page shows (a tenant's /audit, support's /support/audit): the filter values as
// given, and one page of events with the links to the next and the first page — or the message
// of a bad parameter or a stale page link. Pages load it; components/audit/audit-page.tsx
// renders it.
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError, PAGE_SIZES } from '@/lib/paging/cursor';
import { parseSearch } from '@/lib/search/parse-search';
import { single, type SearchParams } from '@/lib/search/search-params';
import { listAuditEvents, type AuditEventsPage } from './list-audit-events';
import { auditSearch } from './audit-search';

export interface AuditLogData {
  /** The URL as given: the filters show it. */
  params: SearchParams;
  /** "Now" for the period's presets. */
  now: string;
  result: { ok: true; page: AuditEventsPage; nextHref: string | null; firstHref: string | null } | { ok: false; message: string };
}

export async function loadAuditLog(viewer: TenantViewer | SupportViewer, path: string, searchParams: SearchParams): Promise<AuditLogData> {
  const filterValues = { from: single(searchParams.from) ?? '', to: single(searchParams.to) ?? '', action: single(searchParams.action) ?? '' };
  const base = { params: searchParams, now: new Date().toISOString() };
  const parsed = parseSearch(auditSearch, searchParams);
  if (!parsed.ok) return { ...base, result: parsed };
  try {
    const page = await listAuditEvents({ viewer, ...parsed.value });
    const link = (cursor: string | null) => {
      const query = new URLSearchParams(Object.entries(filterValues).filter(([, v]) => v));
      if (parsed.value.pageSize !== PAGE_SIZES[0]) query.set('pageSize', String(parsed.value.pageSize));
      if (cursor) query.set('cursor', cursor);
      const text = query.toString();
      return text ? `${path}?${text}` : path;
    };
    return { ...base, result: { ok: true, page, nextHref: page.nextCursor ? link(page.nextCursor) : null, firstHref: parsed.value.cursor ? link(null) : null } };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return { ...base, result: { ok: false, message: error.message } };
  }
}
