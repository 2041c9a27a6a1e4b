// Loads and renders one audit page for a viewer (platform admin or support).
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { AUDIT_ACTION_KEYS, SUPPORT_AUDIT_ACTIONS } from '@/lib/audit/audit-actions';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { parseAuditParams } from '@/lib/audit/parse-audit-params';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { AuditLogView, type AuditLogViewProps } from './audit-log-view';

type SearchParams = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export async function AuditPage({ viewer, path, title, searchParams }: { viewer: TenantViewer | SupportViewer; path: string; title: string; searchParams: SearchParams }) {
  const filterValues = { from: single(searchParams.from), to: single(searchParams.to), action: single(searchParams.action) };
  const parsed = parseAuditParams(searchParams);
  let result: AuditLogViewProps['result'];
  if (!parsed.ok) {
    result = parsed;
  } else {
    try {
      const page = await listAuditEvents({ viewer, ...parsed.query });
      const link = (cursor: string | null) => {
        const query = new URLSearchParams(Object.entries(filterValues).filter(([, v]) => v));
        if (parsed.query.pageSize !== 25) query.set('pageSize', String(parsed.query.pageSize));
        if (cursor) query.set('cursor', cursor);
        const text = query.toString();
        return text ? `${path}?${text}` : path;
      };
      result = { ok: true, page, nextHref: page.nextCursor ? link(page.nextCursor) : null, firstHref: parsed.query.cursor ? link(null) : null };
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      result = { ok: false, message: error.message };
    }
  }
  return (
    <AuditLogView
      title={title}
      path={path}
      showTenant={viewer.role === 'support'}
      actions={viewer.role === 'support' ? SUPPORT_AUDIT_ACTIONS : AUDIT_ACTION_KEYS}
      filterValues={filterValues}
      result={result}
    />
  );
}
