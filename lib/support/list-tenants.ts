import 'server-only';
// Support's view of tenants: access state and counts, never their users or data.
import { asc, eq, sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { tenants } from '@/db/schema';
import { assertSupport, type SupportPrincipal } from './support-principal';

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  panelAccessGranted: boolean;
  panelAccessChangedAt: string | null;
  admins: number;
  profiles: number;
  issuers: number;
  /** When the tenant's sync engine last sent a batch, ISO; null if never. */
  lastBatchAt: string | null;
}

// Qualified by hand: inside a subquery drizzle would leave the column unqualified.
const tenantIdColumn = sql.raw('"tenants"."id"');

export async function listTenantsForSupport(by: SupportPrincipal): Promise<TenantSummary[]> {
  assertSupport(by);
  const rows = await getDatabase()
    .db.select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      panelAccessGranted: tenants.panelAccessGranted,
      panelAccessChangedAt: tenants.panelAccessChangedAt,
      lastBatchAt: tenants.lastBatchAt,
      admins: sql<number>`(select count(*)::int from admins a where a.tenant_id = ${tenantIdColumn})`,
      profiles: sql<number>`(select count(*)::int from profiles p where p.tenant_id = ${tenantIdColumn} and p.removed_at is null)`,
      issuers: sql<number>`(select count(*)::int from tenant_sso_issuers i where i.tenant_id = ${tenantIdColumn})`,
    })
    .from(tenants)
    .orderBy(asc(tenants.name))
    .limit(1_000);
  return rows.map((row) => ({ ...row, panelAccessChangedAt: row.panelAccessChangedAt?.toISOString() ?? null, lastBatchAt: row.lastBatchAt?.toISOString() ?? null }));
}

export async function findTenantBySlug(slug: string): Promise<{ id: string; name: string } | null> {
  const [row] = await getDatabase().db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.slug, slug));
  return row ?? null;
}
