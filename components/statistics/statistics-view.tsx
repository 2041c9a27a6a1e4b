// The Statistics sub-tab of a user or a profile: the period, the sessions in the chosen order,
// paging, downloads; a bad parameter is a message on the page. Renders what the page loaded
// (lib/sessions/load-statistics.ts).
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { TimeZoneLabel } from '@/components/time/local-date-time';
import { single, type SearchParams } from '@/lib/search/search-params';
import type { StatisticsData } from '@/lib/sessions/load-statistics';
import type { SessionOwner } from '@/lib/sessions/session-filters';
import { RangeForm } from './range-form';
import { SessionsGrid } from './sessions-grid';

export function StatisticsView({ data, owner, ownerName, path, params }: { data: StatisticsData; owner: SessionOwner; ownerName: string; path: string; params: SearchParams }) {
  const { now, from, to, table, result } = data;
  // Keyed on the URL's values: a preset link or Back must refill the fields, not keep old input.
  const formKey = [from.toISOString(), to.toISOString(), single(params.status), single(params.errorSource), single(params.errorCategory)].join('|');
  const form = <RangeForm key={formKey} from={from.toISOString()} to={to.toISOString()} status={single(params.status) ?? ''} errorSource={single(params.errorSource) ?? ''} errorCategory={single(params.errorCategory) ?? ''} presetBase={now.toISOString()} />;
  if (!result.ok) return <ListProblem controls={form} message={result.message} resetHref={path} resetLabel="Show the last 3 days" />;
  return (
    <Stack spacing={2}>
      {form}
      <Typography variant="body2" color="text.secondary">
        Sessions started from {from.toISOString().replace('.000', '')} to {to.toISOString().replace('.000', '')} (UTC; the table shows times in <TimeZoneLabel />).
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
      />
      <KeysetPager path={path} params={params} pageSize={result.pageSize} previousCursor={result.page.previousCursor} nextCursor={result.page.nextCursor} total={result.total} noun="sessions" />
    </Stack>
  );
}
