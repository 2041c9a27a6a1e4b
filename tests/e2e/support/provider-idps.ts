// Local stand-ins for the real identity providers, each with its provider's issuer shape,
// discovery metadata and ID token claims, for the browser tests' provider sign-ins.
import { startLocalIdentityProvider, type LocalIdentityAccount, type RunningIdentityProvider } from '@/lib/demo-idp/local-identity-provider';
import { freePort } from '../../../scripts/support/free-port';

export const ENTRA_TID = '8f0c3b7e-globex-tenant';
export const PASSWORD = 'demo';

export interface ProviderSetup {
  idps: RunningIdentityProvider[];
  env: Record<string, string>;
  // Issuers to trust: [tenant slug or 'support', issuer, entra tid?]
  trust: [string, string, string | null][];
}

const account = (email: string, name: string, subject: string): LocalIdentityAccount => ({ email, name, password: PASSWORD, subject });
const client = (id: string, panelUrl: string) => ({ clientId: `panel-${id}`, clientSecret: `secret-${id}-0123456789`, redirectUris: [`${panelUrl}/api/auth/callback/${id}`] });

export async function startProviderIdps(panelUrl: string): Promise<ProviderSetup> {
  const [entraPort, googlePort, salesforcePort, oidcPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const entraAuthority = `http://localhost:${entraPort}`;
  // Entra ID: the tenant id in the issuer path and in `tid`; no email_verified; the UPN as preferred_username.
  const entra = await startLocalIdentityProvider({
    port: entraPort,
    issuer: `${entraAuthority}/${ENTRA_TID}/v2.0`,
    title: 'Microsoft Entra ID (test)',
    clients: [client('entra', panelUrl)],
    accounts: [account('admin@globex.test', 'Gina Globex', 'AAAAAAAAAAAAAAAAAAAAAEntraGina')],
    claims: (a, sub) => ({ sub, oid: '1f5e-oid-gina', tid: ENTRA_TID, ver: '2.0', preferred_username: a.email, name: a.name }),
    discovery: { tenant_region_scope: 'EU', cloud_instance_name: 'microsoftonline.com', msgraph_host: 'graph.microsoft.com' },
  });
  // Google: a numeric subject, email_verified, the hosted domain.
  const google = await startLocalIdentityProvider({
    port: googlePort,
    title: 'Google (test)',
    clients: [client('google', panelUrl)],
    accounts: [account('admin@acme.test', 'Alex Admin', '109876543210987654321'), account('admin@globex.test', 'Gina on Google', '100000000000000000001')],
    claims: (a, sub) => ({ sub, email: a.email, email_verified: true, name: a.name, hd: a.email.split('@')[1] }),
  });
  // Salesforce: the identity URL as subject, organization and user ids.
  const salesforce = await startLocalIdentityProvider({
    port: salesforcePort,
    title: 'Salesforce (test)',
    clients: [client('salesforce', panelUrl)],
    accounts: [account('sales-admin@acme.test', 'Sam Sales-Admin', `http://localhost:${salesforcePort}/id/00D000000000001/005000000000001`)],
    claims: (a, sub) => ({ sub, email: a.email, email_verified: true, name: a.name, organization_id: '00D000000000001', user_id: '005000000000001' }),
  });
  // Any OpenID Connect issuer (here with a path, as Keycloak has): the vendor's own SSO.
  const oidc = await startLocalIdentityProvider({
    port: oidcPort,
    issuer: `http://localhost:${oidcPort}/realms/vendor`,
    title: 'Vendor SSO (test)',
    clients: [client('oidc', panelUrl)],
    accounts: [account('support@vendor.test', 'Sky Support', 'kc-support-1')],
  });
  const secretOf = (id: string) => client(id, panelUrl).clientSecret;
  return {
    idps: [entra, google, salesforce, oidc],
    env: {
      ENTRA_CLIENT_ID: 'panel-entra',
      ENTRA_CLIENT_SECRET: secretOf('entra'),
      ENTRA_TENANT_ID: ENTRA_TID,
      ENTRA_AUTHORITY: entraAuthority,
      GOOGLE_CLIENT_ID: 'panel-google',
      GOOGLE_CLIENT_SECRET: secretOf('google'),
      GOOGLE_ISSUER: google.issuer,
      SALESFORCE_CLIENT_ID: 'panel-salesforce',
      SALESFORCE_CLIENT_SECRET: secretOf('salesforce'),
      SALESFORCE_LOGIN_URL: salesforce.issuer,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: 'panel-oidc',
      OIDC_CLIENT_SECRET: secretOf('oidc'),
      OIDC_NAME: 'Vendor SSO',
    },
    trust: [
      ['globex', entra.issuer, ENTRA_TID],
      ['acme', google.issuer, null],
      ['acme', salesforce.issuer, null],
      ['support', oidc.issuer, null],
    ],
  };
}
