import 'server-only';
// A tenant's admins as support manages them: add with role and profile scope, remove.
// Support sees the tenant's profile names for this, never its users or data.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { TENANT_ADMIN_ROLES } from '@/domain/sync-vocabulary';
import { getDatabase } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { interactiveLimits } from '@/lib/db-limits';
import { adminProfileScopes, admins, profiles, tenants, tenantSsoIssuers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { badRequest, HttpError, notFoundError } from '@/lib/http/errors';
import { assertSupport, type SupportPrincipal } from './support-principal';

export interface TenantAdminRow {
  id: string;
  email: string;
  name: string;
  role: 'platform_admin' | 'profile_admin';
  profileNames: string[];
}

export interface TenantDetails {
  id: string;
  slug: string;
  name: string;
  panelAccessGranted: boolean;
  panelAccessChangedAt: string | null;
  admins: TenantAdminRow[];
  profiles: { id: string; name: string }[];
  issuers: { issuer: string; entraTenantId: string | null }[];
}

export async function getTenantForSupport(by: SupportPrincipal, tenantId: string): Promise<TenantDetails> {
  assertSupport(by);
  if (!z.uuid().safeParse(tenantId).success) throw notFoundError('No such tenant.');
  const db = getDatabase().db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw notFoundError('No such tenant.');
  const [adminRows, scopeRows, profileRows, issuerRows] = await Promise.all([
    db.select({ id: admins.id, email: admins.email, name: admins.name, role: admins.role }).from(admins).where(eq(admins.tenantId, tenantId)).orderBy(asc(admins.email)),
    db
      .select({ adminId: adminProfileScopes.adminId, name: profiles.name })
      .from(adminProfileScopes)
      .innerJoin(profiles, and(eq(profiles.tenantId, adminProfileScopes.tenantId), eq(profiles.id, adminProfileScopes.profileId)))
      .where(eq(adminProfileScopes.tenantId, tenantId))
      .orderBy(asc(profiles.name)),
    db.select({ id: profiles.id, name: profiles.name }).from(profiles).where(eq(profiles.tenantId, tenantId)).orderBy(asc(profiles.name)).limit(1_000),
    db.select({ issuer: tenantSsoIssuers.issuer, entraTenantId: tenantSsoIssuers.entraTenantId }).from(tenantSsoIssuers).where(eq(tenantSsoIssuers.tenantId, tenantId)),
  ]);
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    panelAccessGranted: tenant.panelAccessGranted,
    panelAccessChangedAt: tenant.panelAccessChangedAt?.toISOString() ?? null,
    admins: adminRows.map((admin) => ({
      ...admin,
      role: admin.role as TenantAdminRow['role'],
      profileNames: scopeRows.filter((s) => s.adminId === admin.id).map((s) => s.name),
    })),
    profiles: profileRows,
    issuers: issuerRows,
  };
}

export const newTenantAdminSchema = z
  .object({
    email: z.email('Enter a valid email address.').max(320).transform((v) => v.toLowerCase()),
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    role: z.enum(TENANT_ADMIN_ROLES, 'Choose a role.'),
    profileIds: z.array(z.uuid()).max(1_000).default([]),
  })
  .refine((admin) => admin.role === 'platform_admin' || admin.profileIds.length > 0, {
    message: 'A profile admin needs at least one profile.',
    path: ['profileIds'],
  });

export type NewTenantAdmin = z.input<typeof newTenantAdminSchema>;

export async function addTenantAdmin(by: SupportPrincipal, tenantId: string, input: NewTenantAdmin): Promise<{ adminId: string }> {
  const actor = assertSupport(by);
  const parsed = newTenantAdminSchema.safeParse(input);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join(' '));
  const admin = parsed.data;
  const profileIds = admin.role === 'profile_admin' ? admin.profileIds : [];
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw notFoundError('No such tenant.');
    const known = profileIds.length
      ? await tx.select({ id: profiles.id, name: profiles.name }).from(profiles).where(and(eq(profiles.tenantId, tenantId), inArray(profiles.id, profileIds)))
      : [];
    if (known.length !== new Set(profileIds).size) throw badRequest('A chosen profile does not belong to this tenant.');
    const [existing] = await tx.select({ id: admins.id }).from(admins).where(and(eq(admins.tenantId, tenantId), eq(admins.email, admin.email)));
    if (existing) throw new HttpError(409, `${admin.email} is already an admin of ${tenant.name}.`);
    const [created] = await tx.insert(admins).values({ tenantId, email: admin.email, name: admin.name, role: admin.role }).returning({ id: admins.id });
    if (known.length) await tx.insert(adminProfileScopes).values(known.map((p) => ({ tenantId, adminId: created!.id, profileId: p.id })));
    await recordAuditEvent(tx, {
      tenantId,
      actor,
      action: 'admin.add',
      targetType: 'admin',
      targetId: created!.id,
      targetLabel: admin.email,
      after: { email: admin.email, name: admin.name, role: admin.role, profiles: known.map((p) => p.name).sort() },
    });
    return { adminId: created!.id };
  });
}

export async function removeTenantAdmin(by: SupportPrincipal, tenantId: string, adminId: string): Promise<void> {
  const actor = assertSupport(by);
  if (!z.uuid().safeParse(adminId).success) throw notFoundError('No such admin.');
  await runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const [admin] = await tx.select().from(admins).where(and(eq(admins.tenantId, tenantId), eq(admins.id, adminId)));
    if (!admin) throw notFoundError('No such admin.');
    await tx.delete(admins).where(eq(admins.id, adminId));
    await recordAuditEvent(tx, {
      tenantId,
      actor,
      action: 'admin.remove',
      targetType: 'admin',
      targetId: adminId,
      targetLabel: admin.email,
      before: { email: admin.email, name: admin.name, role: admin.role },
    });
  });
}
