// Small building blocks for database tests.
import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { and, eq } from 'drizzle-orm';
import { adminProfileScopes, admins, profiles, tenants } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
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

/** A profile's id from the engine's id. */
export async function profileIdOf(db: Database, tenantId: string, engineId: string): Promise<string> {
  const [row] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.tenantId, tenantId), eq(profiles.engineId, engineId)));
  if (!row) throw new Error(`no profile ${engineId}`);
  return row.id;
}

/** The two kinds of tenant admin as viewers: a platform admin (`boss`) and an admin of one profile (`lead`). */
export async function bossAndLead(db: Database, tenantId: string, leadProfileId: string): Promise<{ boss: TenantViewer; lead: TenantViewer }> {
  const domain = `${tenantId.slice(0, 8)}.test`;
  const [boss, lead] = await db
    .insert(admins)
    .values([
      { tenantId, email: `boss@${domain}`, name: 'Boss', role: 'platform_admin' },
      { tenantId, email: `lead@${domain}`, name: 'Lead', role: 'profile_admin' },
    ])
    .returning();
  await db.insert(adminProfileScopes).values({ tenantId, adminId: lead!.id, profileId: leadProfileId });
  return { boss: (await loadViewer(db, boss!.id)) as TenantViewer, lead: (await loadViewer(db, lead!.id)) as TenantViewer };
}
