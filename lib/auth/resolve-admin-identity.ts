import 'server-only';
// Maps an SSO identity to one admin. An identity is trusted only from the issuers configured
// for the admin's tenant (for Entra ID also the tenant's `tid`, since Entra sends no
// `email_verified`) or, for support agents, from the vendor's own issuers. Matched once by
// verified email, it is then remembered by issuer + subject; the same email from any other
// issuer maps to nobody.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { adminIdentities, admins, supportSsoIssuers, tenantSsoIssuers } from '@/db/schema';

export interface IdentityClaims {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  tid?: unknown;
}

export type IdentityResolution = { adminId: string } | { refused: 'incomplete-identity' | 'unknown-identity' | 'ambiguous-identity' };

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
const normalizeIssuer = (issuer: string) => issuer.replace(/\/$/, '');

interface TrustRule {
  adminId: string;
  issuerTrusted: boolean;
  entraTenantId: string | null;
}

async function trustRulesFor(db: Database, issuer: string, where: { email?: string; adminId?: string }): Promise<TrustRule[]> {
  const rows = await db
    .select({
      adminId: admins.id,
      role: admins.role,
      tenantIssuer: tenantSsoIssuers.issuer,
      entraTenantId: tenantSsoIssuers.entraTenantId,
      supportIssuer: supportSsoIssuers.issuer,
    })
    .from(admins)
    .leftJoin(tenantSsoIssuers, and(eq(tenantSsoIssuers.tenantId, admins.tenantId), eq(tenantSsoIssuers.issuer, issuer)))
    .leftJoin(supportSsoIssuers, and(eq(admins.role, 'support'), eq(supportSsoIssuers.issuer, issuer)))
    .where(where.adminId ? eq(admins.id, where.adminId) : sql`lower(${admins.email}) = ${where.email}`);
  return rows.map((row) => ({
    adminId: row.adminId,
    issuerTrusted: row.role === 'support' ? row.supportIssuer !== null : row.tenantIssuer !== null,
    entraTenantId: row.role === 'support' ? null : row.entraTenantId,
  }));
}

type MatchedBy = 'remembered-subject' | 'email' | 'username';

// Entra ID: the tenant id must match and stands in for email verification (its username is
// the tenant's own UPN). Everyone else: the issuer must say the email is verified.
function accepts(rule: TrustRule, claims: IdentityClaims, matchedBy: MatchedBy): boolean {
  if (!rule.issuerTrusted) return false;
  if (rule.entraTenantId) return text(claims.tid) === rule.entraTenantId;
  if (matchedBy === 'remembered-subject') return true;
  return matchedBy === 'email' && (claims.email_verified === true || claims.email_verified === 'true');
}

export async function resolveAdminIdentity(db: Database, claims: IdentityClaims): Promise<IdentityResolution> {
  const issuer = text(claims.iss) && normalizeIssuer(text(claims.iss)!);
  const subject = text(claims.sub);
  if (!issuer || !subject) return { refused: 'incomplete-identity' };

  const [remembered] = await db
    .select({ adminId: adminIdentities.adminId })
    .from(adminIdentities)
    .where(and(eq(adminIdentities.issuer, issuer), eq(adminIdentities.subject, subject)));
  if (remembered) {
    // Still trusted only while the issuer is configured for the admin.
    const [rule] = await trustRulesFor(db, issuer, { adminId: remembered.adminId });
    if (!rule || !accepts(rule, claims, 'remembered-subject')) return { refused: 'unknown-identity' };
    await db.update(adminIdentities).set({ lastSignInAt: new Date() }).where(and(eq(adminIdentities.issuer, issuer), eq(adminIdentities.subject, subject)));
    return { adminId: remembered.adminId };
  }

  const matchedBy: MatchedBy = text(claims.email) ? 'email' : 'username';
  const email = (text(claims.email) ?? text(claims.preferred_username))?.toLowerCase();
  if (!email) return { refused: 'incomplete-identity' };
  const trusted = (await trustRulesFor(db, issuer, { email })).filter((rule) => accepts(rule, claims, matchedBy));
  if (trusted.length === 0) return { refused: 'unknown-identity' };
  if (trusted.length > 1) return { refused: 'ambiguous-identity' };
  await db.insert(adminIdentities).values({ adminId: trusted[0]!.adminId, issuer, subject, lastSignInAt: new Date() }).onConflictDoNothing();
  return { adminId: trusted[0]!.adminId };
}
