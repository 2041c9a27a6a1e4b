// GET /api/health — database reachability and migration state, for load balancers and probes.
// Outside the session gate: it reveals nothing about tenants.
import { getServiceHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await getServiceHealth();
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
