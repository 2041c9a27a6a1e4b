// A real OpenID Connect provider (oidc-provider) running on this machine: the demo SSO of
// `npm start`, and the stand-in for Salesforce, Entra ID, Google or any issuer in tests (each
// with its own issuer path and ID token claims).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { renderLoginPage } from './login-page';

export interface LocalIdentityAccount {
  email: string;
  name: string;
  password: string;
  subject?: string;
}

export interface LocalIdentityClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface LocalIdentityProviderOptions {
  port: number;
  // Defaults to http://localhost:<port>; may carry a path (Entra: /<tenant id>/v2.0).
  issuer?: string;
  title: string;
  hint?: string;
  clients: LocalIdentityClient[];
  accounts: LocalIdentityAccount[];
  // The claims of the ID token: by default sub, email, email_verified and name.
  claims?: (account: LocalIdentityAccount, subject: string) => Record<string, unknown>;
  // Extra fields of the discovery document, to look like a given provider's.
  discovery?: Record<string, unknown>;
}

export interface RunningIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

const standardClaims = (account: LocalIdentityAccount, subject: string) => ({
  sub: subject,
  email: account.email,
  email_verified: true,
  name: account.name,
});

function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) request.destroy(new Error('form too large'));
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

export async function startLocalIdentityProvider(options: LocalIdentityProviderOptions): Promise<RunningIdentityProvider> {
  const issuer = (options.issuer ?? `http://localhost:${options.port}`).replace(/\/$/, '');
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  const bySubject = new Map(options.accounts.map((a) => [a.subject ?? a.email, a]));
  const byEmail = new Map(options.accounts.map((a) => [a.email.toLowerCase(), a]));
  const claimsOf = options.claims ?? standardClaims;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [{ ...signingKey, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Provider-specific claims ride on the openid scope, as the real providers send them.
    claims: {
      openid: ['sub', 'tid', 'oid', 'ver', 'hd', 'organization_id', 'user_id'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    discovery: options.discovery,
    // The panel reads email and name from the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Grant: 8 * 3600, Session: 8 * 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: KoaContextWithOIDC, subject: string) => {
      const account = bySubject.get(subject);
      if (!account) return undefined;
      return { accountId: subject, claims: async () => claimsOf(account, subject) as { sub: string } };
    },
    // First-party demo clients: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handleOidc = provider.callback();

  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', issuer);
      const path = (url.pathname.startsWith(mountPath) ? url.pathname.slice(mountPath.length) : url.pathname) || '/';
      const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
      if (!interaction) {
        // As if mounted under the issuer's path: oidc-provider derives its endpoint URLs from this.
        (request as http.IncomingMessage & { originalUrl?: string }).originalUrl = request.url;
        request.url = `${path}${url.search}`;
        return handleOidc(request, response);
      }
      await provider.interactionDetails(request, response);
      const action = `${mountPath}/interaction/${interaction[1]}/login`;
      const page = (error?: string) => {
        response.writeHead(error ? 401 : 200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(renderLoginPage({ title: options.title, action, error, hint: options.hint }));
      };
      if (request.method === 'GET' && !interaction[2]) return page();
      if (request.method === 'POST' && interaction[2]) {
        const form = await readForm(request);
        const account = byEmail.get((form.get('email') ?? '').trim().toLowerCase());
        if (!account || account.password !== form.get('password')) return page('Unknown email or wrong password.');
        return provider.interactionFinished(request, response, { login: { accountId: account.subject ?? account.email } }, { mergeWithLastSubmission: false });
      }
      response.writeHead(405).end();
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(`Sign-in failed: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
