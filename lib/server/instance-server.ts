// The HTTP server of one app instance, around a request handler (Next.js's, in scripts/serve.ts):
// - every request carries an id (`x-request-id`: the load balancer's when it sent a plausible
//   one, else a new UUID), answered in the response and written on each log line the request
//   causes (lib/logger.ts reads it from the request's async context);
// - each request's duration is observed by route (lib/metrics/metrics.ts);
// - the requests in flight are counted, so that a stop can be graceful (drainInstance): the
//   instance reports not ready at once, keeps serving for `notReadyMs` (a load balancer's health
//   check sees it leave before connections are refused), stops accepting, lets what is in flight
//   finish for up to `graceMs`, then ends the connections left.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { metrics } from '@/lib/metrics/metrics';
import { routeLabel } from '@/lib/metrics/route-label';
import { instanceState } from './instance-state';

const PLAUSIBLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface ShutdownTimes {
  notReadyMs: number;
  graceMs: number;
}

function requestIdOf(request: IncomingMessage): string {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && PLAUSIBLE_REQUEST_ID.test(offered) ? offered : randomUUID();
}

export function createInstanceServer(handle: Handler, times: ShutdownTimes, log: (message: string) => void = console.error): Server {
  const state = instanceState();
  const server = createServer((request, response) => {
    state.inFlight += 1;
    const startedAt = process.hrtime.bigint();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      state.inFlight -= 1;
      const status = response.statusCode;
      metrics().requestDuration.observe(
        { route: routeLabel(request.url ?? '/', status), method: request.method ?? 'GET', status: `${Math.floor(status / 100)}xx` },
        Number(process.hrtime.bigint() - startedAt) / 1e9,
      );
    };
    response.on('finish', finish);
    response.on('close', finish);
    const requestId = requestIdOf(request);
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    // While stopping, a kept-alive connection ends with its current response.
    if (state.draining) response.setHeader('connection', 'close');
    state.requests.run({ requestId }, () => {
      handle(request, response).catch((error: unknown) => {
        log(`[serve] request ${requestId} failed: ${error instanceof Error ? error.stack : String(error)}`);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end();
      });
    });
  });

  state.drain = async () => {
    await sleep(times.notReadyMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = Date.now() + times.graceMs;
    while (state.inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await sleep(50);
    }
    if (state.inFlight > 0) log(`[serve] ${state.inFlight} request(s) still in flight after ${times.graceMs} ms: ended`);
    server.closeAllConnections();
    await closed;
  };
  return server;
}
