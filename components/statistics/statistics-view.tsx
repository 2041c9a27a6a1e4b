// The Statistics sub-tab of a user or a profile: the period (default: the last 3 days), the
// sessions newest first, paging, downloads. Bad parameters are a message on the page.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { TimeZoneLabel } from '@/components/time/local-date-time';
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { parsePaging, single, type SearchParams } from '@/lib/paging/list-params';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { listSessions } from '@/lib/sessions/list-sessions';
import { defaultStatisticsRange, parseSessionParams } from '@/lib/sessions/parse-session-params';
import type { SessionOwner } from '@/lib/sessions/session-filters';
import { RangeForm } from './range-form';
import { SessionsGrid } from './sessions-grid';

export async function StatisticsView({ viewer, owner, ownerName, path, params }: { viewer: TenantViewer; owner: SessionOwner; ownerName: string; path: string; params: SearchParams }) {
  const now = new Date();
  const defaults = defaultStatisticsRange(now);
  const parsed = parseSessionParams(params, defaults);
  const paging = parsePaging(params);
  const sort = single(params.sort);
  const problem = !parsed.ok ? parsed.message : !paging.ok ? paging.message : sort && sort !== 'startedAt' && sort !== '-startedAt' ? '"sort" must be startedAt or -startedAt.' : null;
  const from = parsed.ok && parsed.value.range.from ? parsed.value.range.from : defaults.from;
  const to = parsed.ok && parsed.value.range.to ? parsed.value.range.to : defaults.to;
  const form = <RangeForm from={from.toISOString()} to={to.toISOString()} status={single(params.status) ?? ''} presetBase={now.toISOString()} />;
  if (problem || !parsed.ok || !paging.ok) {
    return <ListProblem controls={form} message={problem ?? ''} resetHref={path} resetLabel="Show the last 3 days" />;
  }
  const table = owner.kind === 'user' ? 'user-statistics' : 'profile-statistics';
  const direction = sort === 'startedAt' ? 'asc' : 'desc';
  try {
    const [page, visibility] = await Promise.all([
      listSessions(viewer, { owner, ...parsed.value, ids: null }, { direction, ...paging.value }),
      getColumnVisibility(viewer, table),
    ]);
    const period = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }).toString();
    return (
      <Stack spacing={2}>
        {form}
        <Typography variant="body2" color="text.secondary">
          Sessions started from {from.toISOString().replace('.000', '')} to {to.toISOString().replace('.000', '')} (UTC; the table shows times in <TimeZoneLabel />).
        </Typography>
        <SessionsGrid
          rows={page.rows}
          table={table}
          label={`Sync sessions of ${ownerName}`}
          direction={direction}
          columnVisibility={visibility}
          downloads={owner.kind === 'user' ? { userId: owner.id, period } : { profileId: owner.id, period }}
        />
        <KeysetPager path={path} params={params} pageSize={paging.value.pageSize} previousCursor={page.previousCursor} nextCursor={page.nextCursor} noun="" />
      </Stack>
    );
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return <ListProblem controls={form} message={error.message} resetHref={path} resetLabel="Show the last 3 days" />;
  }
}
