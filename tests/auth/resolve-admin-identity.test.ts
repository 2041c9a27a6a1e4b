import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { adminIdentities, admins, supportSsoIssuers, tenantSsoIssuers } from '@/db/schema';
import { resolveAdminIdentity } from '@/lib/auth/resolve-admin-identity';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';

const ACME_ISSUER = 'https://acme.my.salesforce.test';
const GLOBEX_ENTRA = 'https://login.microsoftonline.test/globex-tid/v2.0';
const VENDOR_ISSUER = 'https://sso.vendor.test';

describeEachDatabase('mapping an SSO identity to an admin', (database) => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const { db } = database();
    const acme = await createTenant(db, 'acme-id');
    const globex = await createTenant(db, 'globex-id');
    await db.insert(tenantSsoIssuers).values([
      { tenantId: acme.id, issuer: ACME_ISSUER },
      { tenantId: globex.id, issuer: GLOBEX_ENTRA, entraTenantId: 'globex-tid' },
    ]);
    await db.insert(supportSsoIssuers).values({ issuer: VENDOR_ISSUER });
    const rows = await db
      .insert(admins)
      .values([
        { tenantId: acme.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' },
        { tenantId: globex.id, email: 'boss@globex.test', name: 'Boss', role: 'platform_admin' },
        { tenantId: null, email: 'agent@vendor.test', name: 'Agent', role: 'support' },
      ])
      .returning();
    for (const row of rows) ids[row.email] = row.id;
  });

  it('maps a verified email from the tenant\'s issuer, then remembers the identity by issuer and subject', async () => {
    const { db } = database();
    const claims = { iss: ACME_ISSUER, sub: 'sf-005-boss', email: 'Boss@Acme.test', email_verified: true };
    expect(await resolveAdminIdentity(db, claims)).toEqual({ adminId: ids['boss@acme.test'] });
    const remembered = await db.select().from(adminIdentities).where(eq(adminIdentities.subject, 'sf-005-boss'));
    expect(remembered).toMatchObject([{ issuer: ACME_ISSUER, adminId: ids['boss@acme.test'] }]);
    // Later sign-ins match by subject even if the email claim changed.
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-005-boss', email: 'renamed@acme.test' })).toEqual({ adminId: ids['boss@acme.test'] });
  });

  it('refuses the same email from another issuer', async () => {
    const { db } = database();
    const claims = { iss: 'https://accounts.google.test', sub: 'g-1', email: 'boss@acme.test', email_verified: true };
    expect(await resolveAdminIdentity(db, claims)).toEqual({ refused: 'unknown-identity' });
  });

  it('refuses an email the issuer does not call verified', async () => {
    const { db } = database();
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-x', email: 'boss@acme.test' })).toEqual({ refused: 'unknown-identity' });
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-y', email: 'boss@acme.test', email_verified: false })).toEqual({
      refused: 'unknown-identity',
    });
  });

  it('trusts Entra ID by its tenant id (no email_verified), and refuses another tid', async () => {
    const { db } = database();
    const entra = { iss: GLOBEX_ENTRA, sub: 'entra-oid-1', preferred_username: 'boss@globex.test', tid: 'globex-tid' };
    expect(await resolveAdminIdentity(db, { ...entra, tid: 'other-tid' })).toEqual({ refused: 'unknown-identity' });
    expect(await resolveAdminIdentity(db, entra)).toEqual({ adminId: ids['boss@globex.test'] });
    expect(await resolveAdminIdentity(db, { ...entra, tid: 'other-tid' })).toEqual({ refused: 'unknown-identity' });
  });

  it('accepts a username instead of an email from Entra ID only', async () => {
    const { db } = database();
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-u', preferred_username: 'boss@acme.test', email_verified: true })).toEqual({
      refused: 'unknown-identity',
    });
  });

  it('maps support agents only from the vendor\'s issuers', async () => {
    const { db } = database();
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'a1', email: 'agent@vendor.test', email_verified: true })).toEqual({
      refused: 'unknown-identity',
    });
    expect(await resolveAdminIdentity(db, { iss: VENDOR_ISSUER, sub: 'a1', email: 'agent@vendor.test', email_verified: true })).toEqual({
      adminId: ids['agent@vendor.test'],
    });
  });

  it('stops trusting a remembered identity once its issuer is removed from the tenant', async () => {
    const { db } = database();
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-005-boss' })).toEqual({ adminId: ids['boss@acme.test'] });
    await db.delete(tenantSsoIssuers).where(eq(tenantSsoIssuers.issuer, ACME_ISSUER));
    expect(await resolveAdminIdentity(db, { iss: ACME_ISSUER, sub: 'sf-005-boss' })).toEqual({ refused: 'unknown-identity' });
  });

  it('refuses identities without issuer, subject or email', async () => {
    const { db } = database();
    expect(await resolveAdminIdentity(db, { sub: 'x', email: 'boss@acme.test' })).toEqual({ refused: 'incomplete-identity' });
    expect(await resolveAdminIdentity(db, { iss: VENDOR_ISSUER, sub: 'nobody' })).toEqual({ refused: 'incomplete-identity' });
  });
});
