// Filters of a user's or a profile's sync issues: the period (all time unless given) and the
// Filter by menu (type, operation, error code with its meaning).
import { ListFilters } from '@/components/filters/list-filters';
import { issueFilterSections } from '@/lib/search/filter-sections';
import { single, type SearchParams } from '@/lib/search/search-params';

export function IssueFilters({ params, errorCodes, now }: { params: SearchParams; errorCodes: number[]; now: Date }) {
  return <ListFilters params={params} sections={issueFilterSections(errorCodes, single(params.code))} period={{ presetBase: now.toISOString() }} />;
}
