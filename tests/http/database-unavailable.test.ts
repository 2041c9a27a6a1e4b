// Which failures answer 503 "temporarily unavailable" (try again) and which stay a bug (500).
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, sqlState } from '@/db/database-errors';
import { errorResponse } from '@/lib/http/errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
// drizzle wraps the driver's error: the SQLSTATE sits on its cause.
const wrapped = (cause: Error) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('a database that is away', () => {
  it.each([
    ['statement timeout', wrapped(withCode('canceling statement due to statement timeout', '57014'))],
    ['lock timeout', wrapped(withCode('canceling statement due to lock timeout', '55P03'))],
    ['deadlock after the retries', withCode('deadlock detected', '40P01')],
    ['server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['no connection free in time', new Error('timeout exceeded when trying to connect')],
    ['no answer in time', wrapped(new Error('Query read timeout'))],
    ['connection lost', new Error('Connection terminated unexpectedly')],
  ])('%s answers 503 with Retry-After', async (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await response.json()).error).toMatch(/temporarily unavailable/);
  });

  it('gives a browser following a download link a page with a way back, not JSON', async () => {
    const request = new Request('http://panel.test/api/users/x/statistics.csv', {
      headers: { 'sec-fetch-mode': 'navigate', referer: 'http://panel.test/users/x/statistics?from=2026-11-01' },
    });
    const response = errorResponse(new Error('Query read timeout'), request);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('temporarily unavailable');
    expect(html).toContain('href="/users/x/statistics?from=2026-11-01"');
    // A link back never leaves the panel.
    for (const referer of ['https://evil.example/', 'http://panel.test//evil.example/x', 'http://panel.test/\\evil.example', 'http://panel.test/%5Cevil']) {
      const elsewhere = errorResponse(new Error('Query read timeout'), new Request('http://panel.test/api/x.csv', { headers: { 'sec-fetch-mode': 'navigate', referer } }));
      const href = /href="([^"]*)"/.exec(await elsewhere.text())![1]!;
      expect(href === '/' || (href.startsWith('/') && !/^\/[/\\]/.test(href)), `${referer} -> ${href}`).toBe(true);
    }
  });

  it('leaves bugs and bad SQL a generic 500', async () => {
    for (const error of [new Error('undefined is not a function'), wrapped(withCode('syntax error at or near "selec"', '42601'))]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(errorResponse(error).status).toBe(500);
    }
    expect(sqlState(wrapped(withCode('x', '42601')))).toBe('42601');
  });
});
