// GET /api/health/ready — whether a load balancer should send this instance requests: 503 from
// the moment it is asked to stop (it finishes what it has, takes nothing new), and whenever
// /api/health would say 503 (the database unreachable, migrations pending). With a read replica,
// where reads go (its state and lag). Outside the session gate: it reveals nothing about tenants.
import { getServiceHealth } from '@/lib/health/check-health';
import { isDraining } from '@/lib/server/instance-state';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (isDraining()) return Response.json({ status: 'draining' }, { status: 503, headers });
  const report = await getServiceHealth();
  // A replica away or lagging leaves the instance ready (reads fall back to the primary); it is said here.
  const replica = report.load?.replica ? { replica: report.load.replica } : {};
  return Response.json(report.status === 'ok' ? { status: 'ready', ...replica } : { status: 'unavailable', problem: report.problem }, { status: report.status === 'ok' ? 200 : 503, headers });
}
