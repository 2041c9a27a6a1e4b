// What the panel needs to know of the demo SSO (the server itself lives in
// demo-identity-provider.ts, outside the app's bundle).
export const DEMO_PASSWORD = 'demo';
export const DEMO_CLIENT = { clientId: 'sync-admin-panel-demo', clientSecret: 'demo-client-secret-not-for-production' };

export function demoIssuer(idpPort: number): string {
  return `http://localhost:${idpPort}`;
}
