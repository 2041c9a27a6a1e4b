// The audit pages' URL: from, to, action, pageSize, cursor. A bad value is a message, not an error page.
import { parsePageSize, type PageSize } from '@/lib/paging/cursor';
import { single, type SearchParams } from '@/lib/paging/list-params';
import { parseRange, type TimeRange } from '@/lib/time/parse-range';
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions';

export interface AuditQuery {
  range: TimeRange;
  action: AuditAction | null;
  pageSize: PageSize;
  cursor: string | null;
}


export function parseAuditParams(params: SearchParams): { ok: true; query: AuditQuery } | { ok: false; message: string } {
  const range = parseRange({ from: single(params.from), to: single(params.to) });
  if (!range.ok) return range;
  const action = single(params.action);
  if (action && !(action in AUDIT_ACTIONS)) return { ok: false, message: `Unknown action "${action}".` };
  const pageSize = parsePageSize(single(params.pageSize));
  if (!pageSize) return { ok: false, message: '"pageSize" must be 25, 50 or 100.' };
  return { ok: true, query: { range: range.range, action: (action as AuditAction) || null, pageSize, cursor: single(params.cursor) || null } };
}
