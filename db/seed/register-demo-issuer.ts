import 'server-only';
// Demo mode: the demo tenants and the vendor's support trust the demo SSO's issuer, whatever
// port it runs on this time (an issuer of an earlier run is replaced).
import { and, eq, inArray, like, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { supportSsoIssuers, tenants, tenantSsoIssuers } from '@/db/schema';
import { demoTenants } from './demo-tenants';

const DEMO_ISSUER_PATTERN = 'http://localhost:%';

export async function registerDemoIssuer(db: Database, issuer: string, extraTenantSlugs: string[] = []): Promise<void> {
  const slugs = [...demoTenants().map((t) => t.slug), ...extraTenantSlugs];
  await db.transaction(async (tx) => {
    const rows = await tx.select({ id: tenants.id }).from(tenants).where(inArray(tenants.slug, slugs));
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await tx
        .delete(tenantSsoIssuers)
        .where(and(inArray(tenantSsoIssuers.tenantId, ids), like(tenantSsoIssuers.issuer, DEMO_ISSUER_PATTERN), ne(tenantSsoIssuers.issuer, issuer)));
      await tx.insert(tenantSsoIssuers).values(ids.map((tenantId) => ({ tenantId, issuer }))).onConflictDoNothing();
    }
    await tx.delete(supportSsoIssuers).where(and(like(supportSsoIssuers.issuer, DEMO_ISSUER_PATTERN), ne(supportSsoIssuers.issuer, issuer)));
    await tx.insert(supportSsoIssuers).values({ issuer }).onConflictDoNothing();
  });
}
