import 'server-only';
// /api/metrics without the environment: the scraper's token checked against the configured one
// (unset: the endpoint does not exist), then a scrape.
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken } from '@/lib/http/bearer-token';
import { errorResponse, notFoundError, unauthorized } from '@/lib/http/errors';
import { collectMetrics } from './collect-metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

function holdsToken(authorization: string | null, token: string): boolean {
  const offered = bearerToken(authorization);
  return offered !== null && timingSafeEqual(digest(offered), digest(token));
}

export async function serveMetrics(request: Request, token: string | undefined): Promise<Response> {
  try {
    if (!token) throw notFoundError('Metrics are off: set METRICS_TOKEN to serve them.');
    if (!holdsToken(request.headers.get('authorization'), token)) throw unauthorized('The metrics token is required (Authorization: Bearer <METRICS_TOKEN>).');
    const { body, contentType } = await collectMetrics();
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
