import 'server-only';
// How many batches are read and written at once, taken before a body is read: each may hold up
// to 64 MB of body and its parsed items, so the count bounds ingestion's memory
// (docs/operations.md). A tenant's batches take turns on its lock anyway (write-batch.ts):
// more than a few at once would only wait, holding memory. Per instance.
import { env } from '@/config/env';
import { ConcurrencySlots } from '@/lib/http/concurrency-slots';
import { tooManyRequests } from '@/lib/http/errors';

const batches = new ConcurrencySlots('ingest');
const RETRY_AFTER_SECONDS = 2;

export function takeIngestSlot(tenantId: string): () => void {
  const slot = batches.take(tenantId, { perKey: env().INGEST_MAX_PER_TENANT, total: env().DB_INGEST_POOL_SIZE });
  if ('release' in slot) return slot.release;
  throw tooManyRequests(
    slot.refused === 'key'
      ? `This tenant already has ${slot.held} batches in progress; send the next when one is answered.`
      : 'The panel is writing as many batches as it can; send this one again shortly.',
    RETRY_AFTER_SECONDS,
  );
}

export const batchesInProgress = () => batches.inProgress();
