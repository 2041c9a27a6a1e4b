// The audit log's filters: the period (all time unless given) and the Filter by menu (action).
import { ListFilters } from '@/components/filters/list-filters';
import type { AuditAction } from '@/lib/audit/audit-actions';
import { auditFilterSections } from '@/lib/search/filter-sections';
import type { SearchParams } from '@/lib/search/search-params';

export function AuditFilters({ params, actions, now }: { params: SearchParams; actions: AuditAction[]; now: string }) {
  return <ListFilters params={params} sections={auditFilterSections(actions)} period={{ presetBase: now }} />;
}
