// Batches in progress are bounded per tenant and in all, before their bodies are read: a burst of
// large bodies cannot take the server's memory, and a tenant's own burst cannot take the slots of
// others. Over a limit: 429 with Retry-After, nothing read, nothing written.
import { expect, it, vi } from 'vitest';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { batchesInProgress } from '@/lib/ingest/ingest-slots';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';

vi.stubEnv('INGEST_MAX_PER_TENANT', '2');
vi.stubEnv('DB_INGEST_POOL_SIZE', '3');
// Long enough for the held bodies of the first test, short for the second's.
vi.stubEnv('INGEST_BODY_TIMEOUT_MS', '2000');

/** A batch whose body arrives slowly: its first bytes now, the rest when `finish` is called. */
function slowBatch(token: string) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const text = JSON.stringify({ profiles: [{ id: 'p', name: 'P' }] });
  controller.enqueue(new TextEncoder().encode(text.slice(0, 5)));
  const response = postBatch(
    new Request('http://panel.test/api/ingest/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit),
  );
  return {
    response,
    finish() {
      controller.enqueue(new TextEncoder().encode(text.slice(5)));
      controller.close();
    },
  };
}

async function inProgress(count: number) {
  for (let i = 0; i < 500 && batchesInProgress() !== count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(batchesInProgress()).toBe(count);
}

describeEachDatabase('ingestion limits', (database) => {
  it('refuse a tenant over its batches in progress and anyone over the instance\'s, until one ends', async () => {
    const { db } = database();
    const tokens = [];
    for (const slug of ['lim-a', 'lim-b', 'lim-c']) {
      const tenant = await createTenant(db, slug);
      tokens.push((await createIngestionToken('command-line', { tenantId: tenant.id, name: 'engine' })).token);
    }
    const [a, b, c] = tokens as [string, string, string];
    const a1 = slowBatch(a);
    const a2 = slowBatch(a);
    // Both take their slots (after the token check).
    await inProgress(2);
    const a3 = slowBatch(a);
    const refused = await a3.response;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/already has 2 batches in progress/);

    // Another tenant still gets the instance's third slot, a third tenant none.
    const b1 = slowBatch(b);
    await inProgress(3);
    const c1 = await slowBatch(c).response;
    expect(c1.status).toBe(429);
    expect((await c1.json()).error).toMatch(/as many batches as it can/);

    for (const held of [a1, a2, b1]) held.finish();
    for (const held of [a1, a2, b1]) expect((await held.response).status).toBe(200);
    const again = slowBatch(c);
    again.finish();
    expect((await again.response).status).toBe(200);
    expect(batchesInProgress()).toBe(0);
  });

  it('refuses a body that does not arrive in time (408) and frees its slot', async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'lim-slow');
    const { token } = await createIngestionToken('command-line', { tenantId: tenant.id, name: 'engine' });
    const stalled = slowBatch(token);
    const response = await stalled.response;
    expect(response.status).toBe(408);
    expect(batchesInProgress()).toBe(0);
  });
});
