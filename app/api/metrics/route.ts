// GET /api/metrics — this instance's metrics in Prometheus' text format, for a scraper holding
// METRICS_TOKEN (Authorization: Bearer …). Outside the proxy's session gate: no admin signs in
// to scrape. Unset token: 404. docs/instances.md lists the series.
import { env } from '@/config/env';
import { serveMetrics } from '@/lib/metrics/metrics-endpoint';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return serveMetrics(request, env().METRICS_TOKEN);
}
