// Generated hostile requests against the real handlers and page loaders, on a database with data:
// never a 5xx, never a 200 whose body aborts, and a page always gets its data or its message.
// (The schemas alone are covered by schema-properties.test.ts; this adds what the database says.)
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it, vi } from 'vitest';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { GET as profileIssuesCsv } from '@/app/api/profiles/[id]/sync-issues.csv/route';
import { GET as profileCsv } from '@/app/api/profiles/[id]/statistics.csv/route';
import { GET as userIssuesCsv } from '@/app/api/users/[id]/sync-issues.csv/route';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { GET as userZip } from '@/app/api/users/[id]/statistics.zip/route';
import { admins, profiles, users } from '@/db/schema';
import { loadAuditLog } from '@/lib/audit/load-audit-log';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { loadIssuesList } from '@/lib/issues/load-issues-list';
import { encodeCursor } from '@/lib/paging/cursor';
import { loadStatistics } from '@/lib/sessions/load-statistics';
import { loadUsersList } from '@/lib/users/load-users-list';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { hostileBatch, hostileText } from '../support/hostile-input';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

// Per driver: 150 + 45 download requests, 60 + 4 batches and 100 + 45 page loads — bounded, seconds.
const DOWNLOAD_RUNS = 150;
const BATCH_RUNS = 60;
const PAGE_RUNS = 100;

const KEYS = ['from', 'to', 'status', 'errorSource', 'errorCategory', 'ids', 'type', 'operation', 'code', 'sort', 'pageSize', 'after', 'before', 'cursor', 'q', 'action'];
/** Forged cursors: well-formed base64url JSON around hostile keys. */
const forgedCursor = fc.record({ s: fc.constantFrom('all', 'error', 'ended'), k: hostileText, at: hostileText, id: fc.oneof(fc.uuid(), hostileText) }).map(encodeCursor);
const params = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(hostileText, forgedCursor), { maxKeys: 6 });
// The shapes that once gave 500s or aborted 200s, tried first, then the generated ones.
const NUL = 'a\u0000b';
const YEAR_ZERO = '0000-01-01';
const forged = (key: Record<string, string>) => encodeCursor({ ...key, id: '10000000-0000-4000-8000-000000000001' });
const KNOWN_BAD_QUERIES: Record<string, string>[] = [
  { q: NUL },
  { errorCategory: NUL },
  { from: YEAR_ZERO },
  { to: '9999-12-31' },
  { after: forged({ k: 'not a date' }) },
  { before: forged({ k: '0000-01-01T00:00:00Z' }) },
  { after: forged({ s: 'all', k: '0000-01-01T00:00:00Z' }) },
  { cursor: forged({ at: '0000-01-01T00:00:00Z' }) },
  { after: forged({ k: NUL }) },
];

describeEachDatabase('hostile requests', (database) => {
  let viewer: TenantViewer;
  let userId: string;
  let profileId: string;
  let token: string;

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'hostile');
    await ingest(db, tenant.id, {
      profiles: [{ id: 'p', name: 'Sales' }],
      users: [{ email: 'a@x.test', name: 'Ada', profileId: 'p' }],
      sessions: Array.from({ length: 30 }, (_, i) => ({
        id: `s${i}`,
        userEmail: 'a@x.test',
        startedAt: new Date(Date.UTC(2026, 10, 20) + i * 3_600_000).toISOString(),
        status: i % 3 ? ('success' as const) : ('error' as const),
        errorCategory: i % 3 ? null : 'Throttling',
        log: `line ${i}\nERROR x\n`,
      })),
      issues: Array.from({ length: 10 }, (_, i) => ({
        id: `i${i}`,
        userEmail: 'a@x.test',
        occurredAt: new Date(Date.UTC(2026, 10, 21) + i * 3_600_000).toISOString(),
        type: 'email' as const,
        direction: 'outlook_to_salesforce' as const,
        name: `Mail ${i}`,
        operation: 'create' as const,
        errorCode: 3,
      })),
    });
    profileId = (await db.select().from(profiles).where(eq(profiles.tenantId, tenant.id)))[0]!.id;
    userId = (await db.select().from(users).where(eq(users.tenantId, tenant.id)))[0]!.id;
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@hostile.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(db, boss!.id)) as TenantViewer;
    token = (await createIngestionToken('command-line', { tenantId: tenant.id, name: 'engine' })).token;
  });

  it('downloads answer 4xx or a whole body, never 5xx', async () => {
    actAs(viewer);
    const routes = [
      { handler: userCsv, path: 'users', id: () => userId, file: 'statistics.csv' },
      { handler: userZip, path: 'users', id: () => userId, file: 'statistics.zip' },
      { handler: profileCsv, path: 'profiles', id: () => profileId, file: 'statistics.csv' },
      { handler: userIssuesCsv, path: 'users', id: () => userId, file: 'sync-issues.csv' },
      { handler: profileIssuesCsv, path: 'profiles', id: () => profileId, file: 'sync-issues.csv' },
    ];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(routes.length - 1), params, fc.option(hostileText, { freq: 5 }), async (index, query, badId) => {
        const route = routes[index]!;
        const id = badId ?? route.id();
        const search = new URLSearchParams(Object.entries(query)).toString();
        const response = await route.handler(new Request(`http://panel.test/api/${route.path}/${encodeURIComponent(id)}/${route.file}?${search}`), { params: Promise.resolve({ id }) });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${route.file}?${search}`).toBeLessThan(500);
        // The whole body arrives: a 200 that aborts would throw here.
        const body = await response.arrayBuffer();
        if (response.status === 200) expect(body.byteLength).toBeGreaterThan(0);
      }),
      { numRuns: DOWNLOAD_RUNS, examples: routes.flatMap((_, index) => KNOWN_BAD_QUERIES.map((query) => [index, query, null] as [number, Record<string, string>, string | null])) },
    );
    // Both sides were reached: downloads that worked, and refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  });

  it('batches answer 200 or 422, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBatch, async (batch) => {
        const response = await postBatch(
          new Request('http://panel.test/api/ingest/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(batch) }),
        );
        expect([200, 422], JSON.stringify(batch).slice(0, 300)).toContain(response.status);
        await response.arrayBuffer();
      }),
      {
        numRuns: BATCH_RUNS,
        examples: [
          [{ sessions: [{ id: 's', userEmail: 'a@x.test', startedAt: '0000-01-01T00:00:00Z', status: 'success' }] }],
          [{ sessions: [{ id: 's', userEmail: 'a@x.test', startedAt: 'soon', endedAt: '2026-11-26T11:00:00Z', status: 'success' }] }],
          [{ profiles: [{ id: 'p', name: NUL }] }],
          [{ users: [{ email: 'a@x.test', name: 'Ada', profileId: 'p', syncError: { reason: NUL, at: '2026-11-26T10:00:00Z' } }] }],
        ] as never,
      },
    );
  });

  it('pages get their data or their message', async () => {
    const loaders = [
      (query: Record<string, string>) => loadUsersList(viewer, query),
      (query: Record<string, string>) => loadStatistics(viewer, { kind: 'profile', id: profileId }, query),
      async (query: Record<string, string>) => (await loadStatistics(viewer, { kind: 'user', id: userId }, query)).result,
      (query: Record<string, string>) => loadIssuesList(viewer, { kind: 'user', id: userId }, query),
      async (query: Record<string, string>) => (await loadAuditLog(viewer, '/audit', query)).result,
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat(loaders.length - 1), params, async (index, query) => {
        const data = await loaders[index]!(query);
        if ('ok' in data && !data.ok) expect(data.message.length).toBeGreaterThan(0);
      }),
      { numRuns: PAGE_RUNS, examples: loaders.flatMap((_, index) => KNOWN_BAD_QUERIES.map((query) => [index, query] as [number, Record<string, string>])) },
    );
  });
});
