import 'server-only';
// The sign-in providers, each on when configured: any OpenID Connect issuer, Salesforce
// (production or sandbox login host), Microsoft Entra ID, Google; and the demo SSO in demo mode.
// All are plain OIDC with discovery; the ID token's claims identify the admin.
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { DEMO_CLIENT, demoIssuer } from '@/lib/demo-idp/demo-sso-config';
import { env, isDemoMode, type Env } from '@/config/env';

export type IdTokenClaims = Record<string, unknown> & { iss?: string; sub?: string; email?: string; name?: string };

function oidcProvider(id: string, name: string, issuer: string, clientId: string, clientSecret: string): OAuthConfig<IdTokenClaims> {
  return {
    id,
    name,
    type: 'oauth',
    wellKnown: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid email profile' } },
    profile: (claims) => ({
      id: String(claims.sub),
      email: typeof claims.email === 'string' ? claims.email : (claims.preferred_username as string | undefined),
      name: typeof claims.name === 'string' ? claims.name : null,
    }),
  };
}

export interface ProviderSummary {
  id: string;
  name: string;
}

export function configuredProviders(config: Env = env()): OAuthConfig<IdTokenClaims>[] {
  const providers: OAuthConfig<IdTokenClaims>[] = [];
  if (config.OIDC_CLIENT_ID && config.OIDC_ISSUER) {
    providers.push(oidcProvider('oidc', config.OIDC_NAME ?? 'Single sign-on', config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET!));
  }
  if (config.SALESFORCE_CLIENT_ID) {
    providers.push(oidcProvider('salesforce', 'Salesforce', config.SALESFORCE_LOGIN_URL, config.SALESFORCE_CLIENT_ID, config.SALESFORCE_CLIENT_SECRET!));
  }
  if (config.ENTRA_CLIENT_ID && config.ENTRA_TENANT_ID) {
    const issuer = `${config.ENTRA_AUTHORITY.replace(/\/$/, '')}/${config.ENTRA_TENANT_ID}/v2.0`;
    providers.push(oidcProvider('entra', 'Microsoft Entra ID', issuer, config.ENTRA_CLIENT_ID, config.ENTRA_CLIENT_SECRET!));
  }
  if (config.GOOGLE_CLIENT_ID) {
    providers.push(oidcProvider('google', 'Google', config.GOOGLE_ISSUER, config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET!));
  }
  if (isDemoMode(config)) {
    providers.push(oidcProvider('demo', 'Demo SSO', demoIssuer(config.DEMO_IDP_PORT), DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret));
  }
  return providers;
}

export function providerSummaries(): ProviderSummary[] {
  return configuredProviders().map((p) => ({ id: p.id, name: p.name }));
}
