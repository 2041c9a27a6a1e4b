// Small building blocks for database tests.
import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { tenants } from '@/db/schema';
import { batchSchema, type IngestBatchInput } from '@/lib/ingest/batch-schema';
import { writeBatch } from '@/lib/ingest/write-batch';

export async function createTenant(db: Database, slug = `t-${randomBytes(4).toString('hex')}`, panelAccessGranted = true) {
  const [tenant] = await db.insert(tenants).values({ slug, name: slug, panelAccessGranted }).returning();
  return tenant!;
}

/** Writes a batch in the engine's JSON shape (validated as the API would). */
export function ingest(db: Database, tenantId: string, batch: IngestBatchInput) {
  return writeBatch(db, tenantId, batchSchema.parse(batch));
}
