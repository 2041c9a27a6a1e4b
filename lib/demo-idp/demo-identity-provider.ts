// The demo SSO of `npm start` (demo mode only): the demo accounts of lib/demo/demo-tenants.ts, password `demo`.
import { DEMO_ACCOUNTS, describeDemoAccount } from '@/lib/demo/demo-tenants';
import { DEMO_CLIENT, DEMO_PASSWORD, demoIssuer } from './demo-sso-config';
import { startLocalIdentityProvider, type RunningIdentityProvider } from './local-identity-provider';


// Known to the demo IdP but not an admin anywhere: signs in and lands on the no-access page.
export const DEMO_STRANGER = { email: 'stranger@acme.test', name: 'Stan Stranger' };
// The platform admin of the benchmark's large tenant (npm run scale).
export const DEMO_SCALE_ADMIN = { email: 'admin@scale.test', name: 'Scale Admin' };

export function startDemoIdentityProvider({ idpPort, panelUrl }: { idpPort: number; panelUrl: string }): Promise<RunningIdentityProvider> {
  const people = [...DEMO_ACCOUNTS, DEMO_STRANGER, DEMO_SCALE_ADMIN];
  return startLocalIdentityProvider({
    port: idpPort,
    issuer: demoIssuer(idpPort),
    title: 'Demo SSO',
    // The same list as the README and the start banner (the extra test identities stay unlisted).
    hint: `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.email} — ${describeDemoAccount(a)}`).join('; ')}.`,
    clients: [{ ...DEMO_CLIENT, redirectUris: [`${panelUrl}/api/auth/callback/demo`] }],
    accounts: people.map((p) => ({ email: p.email, name: p.name, password: DEMO_PASSWORD, subject: `demo|${p.email}` })),
  });
}
