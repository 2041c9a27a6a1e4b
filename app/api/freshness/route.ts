// GET /api/freshness — when the admin's tenant's sync engine last reported, and after how long
// that is late: what an open page's freshness line asks every minute (components/freshness).
import { engineFreshness } from '@/lib/freshness/engine-freshness';
import { withTenantViewer } from '@/lib/http/with-viewer';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({}, async (_request, { viewer }) => {
  const { lastBatchAt, lateAfterMinutes, longestIntervalMinutes } = await engineFreshness(viewer.tenantId);
  return Response.json({ lastBatchAt, lateAfterMinutes, longestIntervalMinutes }, { headers: { 'cache-control': 'no-store' } });
});
