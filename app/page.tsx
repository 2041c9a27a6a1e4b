// / — where an admin lands after sign-in: the overview of the sync's health in their scope for
// a period (?days=1|7|30|90, default 7). Support goes to its console.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LinkButton } from '@/components/links/link-button';
import { ListProblem } from '@/components/lists/list-problem';
import { OverviewView } from '@/components/overview/overview-view';
import { ROLE_LABELS } from '@/components/shell/navigation';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';
import { getViewer } from '@/lib/auth/viewer';
import { getOverviewFigures } from '@/lib/overview/overview-figures';
import { listCategoryNotes } from '@/lib/errors/category-notes';
import { FreshnessLine } from '@/components/freshness/freshness-line';
import { TimeZoneRecount } from '@/components/organisation/time-zone-recount';
import { OpenAlertsNotice } from '@/components/alerts/open-alerts-notice';
import { openAlertsInScope } from '@/lib/alerts/open-alerts';
import { getTenantTimeZone } from '@/lib/tenants/tenant-time-zone';
import { engineFreshnessForPage } from '@/lib/freshness/engine-freshness';
import { OVERVIEW_DAYS, overviewSearch, type OverviewPeriod } from '@/lib/overview/overview-period';
import type { TenantViewer } from '@/lib/auth/viewer';
import { parseSearch } from '@/lib/search/parse-search';
import type { SearchParams } from '@/lib/search/search-params';
import { describeViewerScope } from '@/lib/profiles/describe-viewer-scope';

export const metadata: Metadata = { title: 'Overview' };

const PERIOD_LABELS: Record<(typeof OVERVIEW_DAYS)[number], string> = { 1: 'Today', 7: '7 days', 30: '30 days', 90: '90 days' };

/** The figures and the organisation's notes on error categories, read side by side. */
async function overviewData(viewer: TenantViewer, period: OverviewPeriod) {
  const [figures, categoryNotes] = await Promise.all([getOverviewFigures(viewer, period), listCategoryNotes(viewer)]);
  return { figures, categoryNotes };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (viewerAccess(await getViewer()).kind === 'support') redirect('/support');
  const viewer = await requireTenantViewer();
  const parsed = parseSearch(overviewSearch(viewer.timeZone), await searchParams);
  const [scope, freshness, zone, openAlerts] = await Promise.all([
    describeViewerScope(viewer),
    engineFreshnessForPage(viewer.tenantId),
    getTenantTimeZone(viewer.tenantId),
    openAlertsInScope(viewer),
  ]);
  const periodLinks = (
    <Stack direction="row" spacing={0.5} component="nav" aria-label="Period">
      {OVERVIEW_DAYS.map((days) => {
        const current = parsed.ok && parsed.value.days === days;
        return (
          <LinkButton key={days} href={days === 7 ? '/' : `/?days=${days}`} size="small" variant={current ? 'contained' : 'text'} aria-current={current ? 'page' : undefined}>
            {PERIOD_LABELS[days]}
          </LinkButton>
        );
      })}
    </Stack>
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Stack spacing={0.5}>
          <Typography variant="h1">Overview</Typography>
          <Typography variant="body2" color="text.secondary">
            {viewer.tenantName} · {ROLE_LABELS[viewer.role]} · {scope}
          </Typography>
        </Stack>
        {periodLinks}
      </Stack>
      <TimeZoneRecount zone={zone} />
      <FreshnessLine lastBatchAt={freshness.lastBatchAt} lateAfterMinutes={freshness.lateAfterMinutes} longestIntervalMinutes={freshness.longestIntervalMinutes} renderedAt={new Date().toISOString()} figures />
      <OpenAlertsNotice {...openAlerts} />
      {parsed.ok ? (
        <OverviewView {...await overviewData(viewer, parsed.value)} period={parsed.value} />
      ) : (
        <ListProblem controls={null} message={parsed.message} resetHref="/" resetLabel="Show the last 7 days" />
      )}
    </Stack>
  );
}
