// The Statistics sub-tab of a user or a profile: the period (default: the last 3 days), the
// sessions newest first (or by end date or status), paging, downloads. Bad parameters are a message on the page.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { TimeZoneLabel } from '@/components/time/local-date-time';
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { parsePaging, parseSort, single, type SearchParams } from '@/lib/paging/list-params';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { listSessions } from '@/lib/sessions/list-sessions';
import { defaultStatisticsRange, parseSessionParams } from '@/lib/sessions/parse-session-params';
import type { SessionOwner } from '@/lib/sessions/session-filters';
import { SESSION_SORT_KEYS } from '@/lib/sessions/session-order';
import { RangeForm } from './range-form';
import { SessionsGrid } from './sessions-grid';

export async function StatisticsView({ viewer, owner, ownerName, path, params }: { viewer: TenantViewer; owner: SessionOwner; ownerName: string; path: string; params: SearchParams }) {
  const now = new Date();
  const defaults = defaultStatisticsRange(now);
  const parsed = parseSessionParams(params, defaults);
  const paging = parsePaging(params);
  // Newest first unless the URL says otherwise.
  const order = parseSort(single(params.sort) ?? '-startedAt', SESSION_SORT_KEYS, 'startedAt');
  const problem = !parsed.ok ? parsed.message : !paging.ok ? paging.message : !order.ok ? order.message : null;
  const from = parsed.ok && parsed.value.range.from ? parsed.value.range.from : defaults.from;
  const to = parsed.ok && parsed.value.range.to ? parsed.value.range.to : defaults.to;
  // Keyed on the URL's values: a preset link or Back must refill the fields, not keep old input.
  const formKey = [from.toISOString(), to.toISOString(), single(params.status), single(params.errorSource), single(params.errorCategory)].join('|');
  const form = <RangeForm key={formKey} from={from.toISOString()} to={to.toISOString()} status={single(params.status) ?? ''} errorSource={single(params.errorSource) ?? ''} errorCategory={single(params.errorCategory) ?? ''} presetBase={now.toISOString()} />;
  if (problem || !parsed.ok || !paging.ok || !order.ok) {
    return <ListProblem controls={form} message={problem ?? ''} resetHref={path} resetLabel="Show the last 3 days" />;
  }
  const table = owner.kind === 'user' ? 'user-statistics' : 'profile-statistics';
  try {
    const [page, visibility] = await Promise.all([
      listSessions(viewer, { owner, ...parsed.value, ids: null }, { ...order.value, ...paging.value }),
      getColumnVisibility(viewer, table),
    ]);
    // "This period" downloads what the table shows: the period and its filters.
    const { status, errorSource, errorCategory } = parsed.value;
    const period = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      ...(status ? { status } : {}),
      ...(errorSource ? { errorSource } : {}),
      ...(errorCategory ? { errorCategory } : {}),
    }).toString();
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
          sort={order.value.sort}
          direction={order.value.direction}
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
