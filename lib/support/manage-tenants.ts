import 'server-only';
// Bootstrapping a real deployment: tenants, their SSO issuers, support agents and the vendor's
// issuers. Used by the admin command line; tenant changes are audited.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { admins, supportSsoIssuers, tenants, tenantSsoIssuers } from '@/db/schema';
import { addSuggestedRules } from '@/lib/alerts/suggested-rules';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { badRequest, HttpError, notFoundError } from '@/lib/http/errors';
import { assertSupport, type SupportPrincipal } from './support-principal';

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a slug is 2-63 lower-case letters, digits and dashes');
const issuerSchema = z.url('an issuer is a URL').transform((url) => url.replace(/\/$/, ''));

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
  return parsed.data;
}

export async function createTenant(by: SupportPrincipal, input: { slug: string; name: string }) {
  const actor = assertSupport(by);
  const slug = parse(slugSchema, input.slug);
  const name = parse(z.string().trim().min(1).max(200), input.name);
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [existing] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (existing) throw new HttpError(409, `A tenant "${slug}" exists already.`);
    const [tenant] = await tx.insert(tenants).values({ slug, name }).returning();
    await addSuggestedRules(tx, tenant!.id);
    await recordAuditEvent(tx, { tenantId: tenant!.id, actor, action: 'tenant.create', targetType: 'tenant', targetId: tenant!.id, targetLabel: name, after: { slug, name } });
    return tenant!;
  });
}

export async function tenantIdBySlug(slug: string): Promise<string> {
  const [tenant] = await getDatabase().db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw notFoundError(`No tenant "${slug}".`);
  return tenant.id;
}

export async function addTenantIssuer(by: SupportPrincipal, input: { tenantId: string; issuer: string; entraTenantId?: string | null }) {
  const actor = assertSupport(by);
  const issuer = parse(issuerSchema, input.issuer);
  const entraTenantId = input.entraTenantId ? parse(z.string().min(1).max(100), input.entraTenantId) : null;
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    await tx
      .insert(tenantSsoIssuers)
      .values({ tenantId: input.tenantId, issuer, entraTenantId })
      .onConflictDoUpdate({ target: [tenantSsoIssuers.tenantId, tenantSsoIssuers.issuer], set: { entraTenantId } });
    await recordAuditEvent(tx, { tenantId: input.tenantId, actor, action: 'tenant_issuer.add', targetType: 'issuer', targetLabel: issuer, after: { issuer, entraTenantId } });
  });
}

export async function removeTenantIssuer(by: SupportPrincipal, input: { tenantId: string; issuer: string }) {
  const actor = assertSupport(by);
  const issuer = parse(issuerSchema, input.issuer);
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const removed = await tx
      .delete(tenantSsoIssuers)
      .where(and(eq(tenantSsoIssuers.tenantId, input.tenantId), eq(tenantSsoIssuers.issuer, issuer)))
      .returning();
    if (removed.length === 0) throw notFoundError(`The tenant has no issuer ${issuer}.`);
    await recordAuditEvent(tx, { tenantId: input.tenantId, actor, action: 'tenant_issuer.remove', targetType: 'issuer', targetLabel: issuer, before: { issuer } });
  });
}

export async function addSupportAgent(input: { email: string; name: string }) {
  const email = parse(z.email().transform((v) => v.toLowerCase()), input.email);
  const name = parse(z.string().trim().min(1).max(200), input.name);
  await getDatabase().db.insert(admins).values({ tenantId: null, email, name, role: 'support' }).onConflictDoUpdate({ target: [admins.tenantId, admins.email], set: { name } });
}

export async function addSupportIssuer(input: { issuer: string }) {
  const issuer = parse(issuerSchema, input.issuer);
  await getDatabase().db.insert(supportSsoIssuers).values({ issuer }).onConflictDoNothing();
}
