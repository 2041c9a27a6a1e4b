import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { GET as getSyncState } from '@/app/api/ingest/v1/sync-state/route';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { GET as getOpenApi } from '@/app/api/ingest/v1/openapi.json/route';
import { admins } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { createIngestionToken, revokeIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { listUsers } from '@/lib/users/list-users';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { DESIGN_EXAMPLE_BATCH } from '../support/design-example-batch';
import { snapshotTenant } from '../support/snapshot';

const EXAMPLE = DESIGN_EXAMPLE_BATCH;

const post = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  postBatch(
    new Request('http://panel.test/api/ingest/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
const syncState = (token: string, etag?: string) =>
  getSyncState(new Request('http://panel.test/api/ingest/v1/sync-state', { headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) } }));

describeEachDatabase('the ingestion API', (database) => {
  let acme: { id: string; token: string };
  let globex: { id: string; token: string };
  let acmeAdmin: TenantViewer;

  beforeAll(async () => {
    const { db } = database();
    const a = await createTenant(db, 'acme-i');
    const g = await createTenant(db, 'globex-i');
    acme = { id: a.id, token: (await createIngestionToken('command-line', { tenantId: a.id, name: 'engine' })).token };
    globex = { id: g.id, token: (await createIngestionToken('command-line', { tenantId: g.id, name: 'engine' })).token };
    const [boss] = await db.insert(admins).values({ tenantId: a.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' }).returning();
    acmeAdmin = (await loadViewer(db, boss!.id)) as TenantViewer;
  });

  it('refuses a missing, unknown or revoked token with 401', async () => {
    expect((await post(null, EXAMPLE)).status).toBe(401);
    expect((await post('sap_not-a-real-token', EXAMPLE)).status).toBe(401);
    const spare = await createIngestionToken('command-line', { tenantId: acme.id, name: 'spare' });
    expect((await post(spare.token, {})).status).toBe(200);
    await revokeIngestionToken('command-line', { tenantId: acme.id, tokenId: spare.id });
    expect((await post(spare.token, {})).status).toBe(401);
  });

  it('accepts the documented example batch, and the same batch again changes nothing', async () => {
    const { db } = database();
    const first = await post(acme.token, EXAMPLE);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ profiles: 1, users: 1, sessions: 1, issues: 1, outsideRetention: { sessions: 0, issues: 0 } });
    const before = await snapshotTenant(db, acme.id);
    expect((await post(acme.token, EXAMPLE)).status).toBe(200);
    expect(await snapshotTenant(db, acme.id)).toBe(before);
  });

  it('writes nothing when one item is invalid, and lists every problem by JSON path', async () => {
    const { db } = database();
    const before = await snapshotTenant(db, acme.id);
    const bad = {
      ...EXAMPLE,
      users: [...EXAMPLE.users, { email: 'new@acme.test', name: 'New', profileId: 'engine-profile-id' }],
      sessions: [
        { ...EXAMPLE.sessions[0], id: 'fresh', status: 'finished' },
        { ...EXAMPLE.sessions[0], id: 'bad id!' },
        { ...EXAMPLE.sessions[0], id: 'ends-first', endedAt: '2020-01-01T00:00:00Z' },
      ],
    };
    const response = await post(acme.token, bad);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(['sessions[0].status', 'sessions[1].id', 'sessions[2].endedAt']);
    expect(await snapshotTenant(db, acme.id)).toBe(before);
  });

  it('keeps tenants apart: a Globex token naming an Acme user writes nothing, and reused ids leave Acme untouched', async () => {
    const { db } = database();
    const acmeBefore = await snapshotTenant(db, acme.id);
    const naming = await post(globex.token, { sessions: [{ ...EXAMPLE.sessions[0], id: 'g-1' }] });
    expect(naming.status).toBe(422);
    expect((await naming.json()).details).toEqual([{ path: 'sessions[0].userEmail', message: 'unknown user "jane@acme.test"' }]);
    expect(await snapshotTenant(db, globex.id)).toBe('');
    const reusing = await post(globex.token, { ...EXAMPLE, profiles: [{ id: 'engine-profile-id', name: 'Globex Sales' }], sessions: [{ ...EXAMPLE.sessions[0], status: 'error' }] });
    expect(reusing.status).toBe(200);
    expect(await snapshotTenant(db, acme.id)).toBe(acmeBefore);
  });

  it('answers 400 for a body that is not JSON and 413 for oversized batches, before reading them whole', async () => {
    expect((await post(acme.token, '{"profiles": [')).status).toBe(400);
    const tooMany = { profiles: Array.from({ length: 10_001 }, (_, i) => ({ id: `p${i}`, name: 'P' })) };
    expect((await post(acme.token, tooMany)).status).toBe(413);
    // A body that never ends: refused once it passes 64 MB, without being buffered whole.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1 << 20;
        controller.enqueue(new Uint8Array(1 << 20).fill(32));
      },
    });
    const streamed = await postBatch(
      new Request('http://panel.test/api/ingest/v1/batch', { method: 'POST', headers: { authorization: `Bearer ${acme.token}` }, body: endless, duplex: 'half' } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(70 << 20);
  });

  it('serves the switches with an ETag that changes exactly when the engine should see a change', async () => {
    const first = await syncState(acme.token);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(await first.json()).toMatchObject({
      profiles: [{ id: 'engine-profile-id', name: 'Sales', syncEnabled: true }],
      users: [{ email: 'jane@acme.test', profileId: 'engine-profile-id', syncEnabled: true }],
    });
    expect((await syncState(acme.token, etag)).status).toBe(304);
    expect((await post(acme.token, EXAMPLE)).status).toBe(200);
    expect((await syncState(acme.token, etag)).status).toBe(304);
    const [jane] = (await listUsers(acmeAdmin, { status: null, q: 'jane', sort: 'name', direction: 'asc', pageSize: 25, page: { after: null, before: null } })).rows;
    await setUserSyncEnabled({ viewer: acmeAdmin, userId: jane!.id, enabled: false });
    const changed = await syncState(acme.token, etag);
    expect(changed.status).toBe(200);
    expect((await changed.json()).users[0].syncEnabled).toBe(false);
  });

  it('never answers 5xx to random payloads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ sessions: fc.array(fc.jsonValue(), { maxLength: 3 }), users: fc.array(fc.object(), { maxLength: 3 }) })), async (payload) => {
        const response = await post(acme.token, payload);
        expect([200, 400, 413, 422]).toContain(response.status);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts generated valid batches and reads them back equal through the panel\'s data layer', async () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
    const batch = fc.record({
      profileName: name,
      users: fc.uniqueArray(fc.record({ local: fc.stringMatching(/^[a-z]{1,12}$/), name }), { minLength: 1, maxLength: 6, selector: (u) => u.local }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(batch, async ({ profileName, users }) => {
        run += 1;
        const profileId = `gen-${run}`;
        const payload = {
          profiles: [{ id: profileId, name: profileName }],
          users: users.map((u) => ({ email: `${u.local}.${run}@gen.test`, name: u.name, profileId })),
        };
        const response = await post(acme.token, payload);
        expect(response.status).toBe(200);
        const page = await listUsers(acmeAdmin, { status: null, q: `.${run}@gen.test`, sort: 'email', direction: 'asc', pageSize: 25, page: { after: null, before: null } });
        expect(page.rows.map((r) => [r.email, r.name, r.profileName, r.effectiveStatus])).toEqual(
          payload.users
            .map((u) => [u.email, u.name.trim(), profileName.trim(), 'enabled'])
            .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('describes itself in OpenAPI from the same schemas', async () => {
    const document = await getOpenApi().json();
    expect(document.openapi).toBe('3.0.3');
    expect(document.components.schemas.Batch.properties.sessions.items.properties.status.enum).toEqual(['ready', 'started', 'success', 'skipped', 'canceled', 'error']);
  });
});
