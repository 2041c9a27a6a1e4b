// The HTTP server of an app instance: request ids, and a stop that finishes what is in flight.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as ready } from '@/app/api/health/ready/route';
import { GET as live } from '@/app/api/health/live/route';
import { requestIdField } from '@/lib/logger';
import { createInstanceServer } from '@/lib/server/instance-server';
import { currentRequestId, drainInstance, instanceState } from '@/lib/server/instance-state';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  const state = instanceState();
  state.draining = false;
  state.drain = undefined;
});

async function listen(handler: Parameters<typeof createInstanceServer>[0], times = { notReadyMs: 0, graceMs: 5_000 }) {
  const server = createInstanceServer(handler, times, () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('request ids', () => {
  it('gives every request an id, answered in its response and known to the code it runs', async () => {
    const { server, port } = await listen(async (_request, response) => {
      expect(requestIdField()).toEqual({ requestId: currentRequestId() });
      response.end(currentRequestId() ?? 'none');
    });
    try {
      const fresh = await get(port, '/');
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(fresh.body).toBe(fresh.headers['x-request-id']);
      const fromBalancer = await get(port, '/', { 'x-request-id': 'haproxy-7f3a:0001' });
      expect(fromBalancer.headers['x-request-id']).toBe('haproxy-7f3a:0001');
      expect(fromBalancer.body).toBe('haproxy-7f3a:0001');
      const implausible = await get(port, '/', { 'x-request-id': `${'a'.repeat(101)}` });
      expect(implausible.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestIdField()).toEqual({});
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('a graceful stop', () => {
  it('reports not ready at once, lets the requests in flight finish whole, then refuses new connections', async () => {
    const body = 'x'.repeat(200_000);
    const { server, port } = await listen(async (_request, response) => {
      response.write(body.slice(0, 1000));
      await sleep(800);
      response.end(body.slice(1000));
    });
    const inFlight = Array.from({ length: 5 }, () => get(port, '/slow'));
    await sleep(200);
    expect(instanceState().inFlight).toBe(5);
    const stopping = drainInstance();
    expect((await ready()).status).toBe(503);
    expect(await (await ready()).json()).toEqual({ status: 'draining' });
    expect((await live()).status).toBe(200);
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => [a.status, a.body.length])).toEqual(Array.from({ length: 5 }, () => [200, body.length]));
    await stopping;
    expect(instanceState().inFlight).toBe(0);
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
    expect(server.listening).toBe(false);
  });

  it('keeps answering during the not-ready delay, so a load balancer can see it leave first', async () => {
    const { port } = await listen(async (_request, response) => {
      response.end('ok');
    }, { notReadyMs: 400, graceMs: 1_000 });
    const stopping = drainInstance();
    const during = await get(port, '/');
    expect(during.status).toBe(200);
    expect(during.headers.connection).toBe('close');
    await stopping;
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('ends what is still in flight at the deadline rather than waiting for ever', async () => {
    const { port } = await listen(async () => {
      await sleep(60_000);
    }, { notReadyMs: 0, graceMs: 300 });
    const stuck = get(port, '/stuck');
    await sleep(100);
    const started = Date.now();
    await drainInstance();
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
