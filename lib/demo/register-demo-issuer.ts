import 'server-only';
// Demo mode: the demo tenants and the vendor's support trust the demo SSO's issuer, whatever
// port it runs on this time. The issuer of an earlier run (remembered in instance_metadata)
// is replaced; other issuers are left alone.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { instanceMetadata, supportSsoIssuers, tenants, tenantSsoIssuers } from '@/db/schema';
import { demoTenants } from './demo-tenants';

const DEMO_ISSUER_KEY = 'demo_issuer';

export async function registerDemoIssuer(db: Database, issuer: string): Promise<void> {
  const slugs = demoTenants().map((t) => t.slug);
  await db.transaction(async (tx) => {
    const [previous] = await tx.select().from(instanceMetadata).where(eq(instanceMetadata.key, DEMO_ISSUER_KEY));
    const previousIssuer = (previous?.value as { issuer?: string } | undefined)?.issuer;
    if (previousIssuer && previousIssuer !== issuer) {
      await tx.delete(tenantSsoIssuers).where(eq(tenantSsoIssuers.issuer, previousIssuer));
      await tx.delete(supportSsoIssuers).where(eq(supportSsoIssuers.issuer, previousIssuer));
    }
    const rows = await tx.select({ id: tenants.id }).from(tenants).where(inArray(tenants.slug, slugs));
    if (rows.length > 0) await tx.insert(tenantSsoIssuers).values(rows.map((t) => ({ tenantId: t.id, issuer }))).onConflictDoNothing();
    await tx.insert(supportSsoIssuers).values({ issuer }).onConflictDoNothing();
    await tx
      .insert(instanceMetadata)
      .values({ key: DEMO_ISSUER_KEY, value: { issuer } })
      .onConflictDoUpdate({ target: instanceMetadata.key, set: { value: { issuer }, updatedAt: new Date() } });
  });
}
