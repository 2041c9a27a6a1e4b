// The Statistics sub-tab of a user or a profile: the period, the sessions in the chosen order,
// paging, downloads; a bad parameter is a message on the page. Renders what the page loaded
// (lib/sessions/load-statistics.ts).
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { ListFilters } from '@/components/filters/list-filters';
import { LocalDateTime, TimeZoneLabel } from '@/components/time/local-date-time';
import { sessionFilterSections } from '@/lib/search/filter-sections';
import { single, type SearchParams } from '@/lib/search/search-params';
import type { StatisticsData } from '@/lib/sessions/load-statistics';
import type { SessionOwner } from '@/lib/sessions/session-filters';
import { SessionsGrid } from './sessions-grid';
import { UserFilter } from './user-filter';

export function StatisticsView({ data, owner, ownerName, path, params }: { data: StatisticsData; owner: SessionOwner; ownerName: string; path: string; params: SearchParams }) {
  const { now, defaults, from, to, table, errorCategories, narrowedTo, result } = data;
  const form = (
    <ListFilters
      params={params}
      sections={sessionFilterSections(errorCategories, single(params.errorCategory))}
      period={{ defaults: { from: defaults.from.toISOString(), to: defaults.to.toISOString() }, presetBase: now.toISOString() }}
    >
      {owner.kind === 'profile' && <UserFilter profileId={owner.id} selected={narrowedTo} />}
    </ListFilters>
  );
  if (!result.ok) return <ListProblem controls={form} message={result.message} resetHref={path} resetLabel="Show the last 3 days" />;
  return (
    <Stack spacing={2}>
      {form}
      <Typography variant="body2" color="text.secondary">
        Sessions started from <LocalDateTime iso={from.toISOString()} /> to <LocalDateTime iso={to.toISOString()} /> (<TimeZoneLabel />
        ).
      </Typography>
      <SessionsGrid
        rows={result.page.rows}
        table={table}
        label={`Sync sessions of ${ownerName}`}
        sort={result.sort}
        direction={result.direction}
        columnVisibility={result.columnVisibility}
        downloads={owner.kind === 'user' ? { userId: owner.id, period: result.periodQuery } : { profileId: owner.id, period: result.periodQuery }}
        total={result.total}
        categoryNotes={data.categoryNotes}
      />
      <KeysetPager path={path} params={params} pageSize={result.pageSize} previousCursor={result.page.previousCursor} nextCursor={result.page.nextCursor} total={result.total} noun="sessions" />
    </Stack>
  );
}
