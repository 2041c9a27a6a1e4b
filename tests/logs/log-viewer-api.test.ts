import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { GET as getLines } from '@/app/api/sessions/[id]/log/lines/route';
import { GET as getSearch } from '@/app/api/sessions/[id]/log/search/route';
import { queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const LINES = 3_000;
const logText = Array.from({ length: LINES }, (_, i) => `2026-11-30T10:00:00Z ${i + 1 === 2_222 ? 'ERROR' : 'INFO '} line ${i + 1}${i % 500 === 0 ? ' Needle here' : ''}`).join('\n') + '\n';

const call = (handler: typeof getLines, id: string, query: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://panel.test/api/sessions/${id}/log/x?${query}`, { headers }), { params: Promise.resolve({ id }) });

describeEachDatabase('the log viewer API', (database) => {
  let boss: TenantViewer;
  let lead: TenantViewer;
  let outsider: TenantViewer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = database().db;
    const tenant = await createTenant(db, 'logs-api');
    await ingest(db, tenant.id, {
      profiles: [{ id: 'sales', name: 'Sales' }, { id: 'ops', name: 'Ops' }],
      users: [{ email: 'ann@api.test', name: 'Ann', profileId: 'sales' }, { email: 'bob@api.test', name: 'Bob', profileId: 'ops' }],
      sessions: [
        { id: 'with-log', userEmail: 'ann@api.test', startedAt: '2026-11-30T10:00:00Z', endedAt: '2026-11-30T10:01:00Z', status: 'error', log: logText },
        { id: 'no-log', userEmail: 'ann@api.test', startedAt: '2026-11-30T11:00:00Z', endedAt: '2026-11-30T11:01:00Z', status: 'success' },
        { id: 'ops-log', userEmail: 'bob@api.test', startedAt: '2026-11-30T12:00:00Z', endedAt: '2026-11-30T12:01:00Z', status: 'success', log: 'ops only\n' },
        { id: 'empty-log', userEmail: 'ann@api.test', startedAt: '2026-11-30T13:00:00Z', endedAt: '2026-11-30T13:01:00Z', status: 'success', log: '' },
      ],
    });
    for (const row of await queryRows<{ id: string; engine_id: string }>(db, sql`select id, engine_id from sync_sessions where tenant_id = ${tenant.id}::uuid`)) ids[row.engine_id] = row.id;
    ({ boss, lead } = await bossAndLead(db, tenant.id, await profileIdOf(db, tenant.id, 'sales')));
    const other = await createTenant(db, 'logs-api-other');
    outsider = (await bossAndLead(db, other.id, await (async () => {
      await ingest(db, other.id, { profiles: [{ id: 'x', name: 'X' }] });
      return profileIdOf(db, other.id, 'x');
    })())).boss;
  });

  it('reads lines by range and from the tail, with their numbers', async () => {
    actAs(boss);
    const range = await call(getLines, ids['with-log']!, 'from=2221&count=3');
    expect(range.status).toBe(200);
    expect(await range.json()).toEqual({
      lineCount: LINES,
      from: 2221,
      lines: [
        { n: 2221, text: '2026-11-30T10:00:00Z INFO  line 2221' },
        { n: 2222, text: '2026-11-30T10:00:00Z ERROR line 2222' },
        { n: 2223, text: '2026-11-30T10:00:00Z INFO  line 2223' },
      ],
    });
    const tail = await (await call(getLines, ids['with-log']!, 'tail=2')).json();
    expect(tail.lines.map((line: { n: number }) => line.n)).toEqual([2999, 3000]);
    const first = await (await call(getLines, ids['with-log']!, '')).json();
    expect(first.lines).toHaveLength(200);
    expect(first.lines[0].n).toBe(1);
  });

  it('answers a range read again with 304 by its ETag', async () => {
    actAs(boss);
    const first = await call(getLines, ids['with-log']!, 'from=10&count=5');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await call(getLines, ids['with-log']!, 'from=10&count=5', { 'if-none-match': etag })).status).toBe(304);
  });

  it('refuses bad ranges with a clear 400', async () => {
    actAs(boss);
    for (const [query, message] of [
      ['from=0', /"from" must be a whole number from 1/],
      ['from=abc', /"from" must be a whole number/],
      ['count=5000', /"count" must be a whole number from 1 to 1,000/],
      ['tail=10&from=3', /"tail" alone/],
      ['from=3001', /The log has 3,000 lines/],
    ] as const) {
      const response = await call(getLines, ids['with-log']!, query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
  });

  it('answers 404 for a session without a log, outside the viewer\'s scope, of another tenant, or not an id', async () => {
    actAs(boss);
    expect(await (await call(getLines, ids['no-log']!, '')).json()).toEqual({ error: 'This session has no log.' });
    actAs(lead);
    expect((await call(getLines, ids['ops-log']!, '')).status).toBe(404);
    expect((await call(getSearch, ids['ops-log']!, 'q=ops')).status).toBe(404);
    expect((await call(getLines, ids['with-log']!, 'tail=1')).status).toBe(200);
    actAs(outsider);
    expect((await call(getLines, ids['with-log']!, '')).status).toBe(404);
    expect((await call(getSearch, ids['with-log']!, 'q=line')).status).toBe(404);
    expect((await call(getLines, 'not-a-uuid', '')).status).toBe(404);
    actAs(null);
    expect((await call(getLines, ids['with-log']!, '')).status).toBe(401);
  });

  it('reads an empty log as no lines', async () => {
    actAs(boss);
    expect(await (await call(getLines, ids['empty-log']!, '')).json()).toEqual({ lineCount: 0, from: 1, lines: [] });
  });

  it('streams the matches of a search as NDJSON, ending with where to continue', async () => {
    actAs(boss);
    const response = await call(getSearch, ids['with-log']!, 'q=needle');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const events = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(events.slice(0, -1).map((event) => event.line)).toEqual([1, 501, 1001, 1501, 2001, 2501]);
    expect(events[0]).toEqual({ line: 1, text: '2026-11-30T10:00:00Z INFO  line 1 Needle here', spans: [[34, 40]] });
    expect(events.at(-1)).toEqual({ end: true, next: null, scannedTo: LINES });
    const later = (await (await call(getSearch, ids['with-log']!, 'q=needle&from=2400')).text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(later.slice(0, -1).map((event) => event.line)).toEqual([2501]);
  });

  it('refuses an empty, huge or control-character search with a clear 400', async () => {
    actAs(boss);
    for (const query of ['q=', 'q=%20%20', `q=${'x'.repeat(201)}`, 'q=a%00b', 'q=x&from=-1']) {
      const response = await call(getSearch, ids['with-log']!, query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toMatch(/"q"|"from"/);
    }
  });
});
