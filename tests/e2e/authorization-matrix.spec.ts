// Anonymous and each demo account x every page and API route: the answer in each cell.
// New routes join this matrix when they are added.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import { DEMO_ACCOUNTS, signedInContext } from './support/accounts';
import { baseUrl } from './support/page-checks';

type Who = 'anonymous' | (typeof DEMO_ACCOUNTS)[number];
// 'login' = redirect to sign-in; 'no-access' = redirect to the no-access page; 'home' = redirect to /.
type Expected = 200 | 401 | 403 | 404 | 'login' | 'no-access' | 'home' | 'support';

const contexts = new Map<Who, BrowserContext>();
const ids: Record<string, string> = {};
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  contexts.set('anonymous', await browser.newContext());
  for (const email of DEMO_ACCOUNTS) contexts.set(email, await signedInContext(browser, email));
  const support = await contexts.get('support@vendor.test')!.newPage();
  await support.goto(`${baseUrl()}/support`);
  for (const tenant of ['Acme', 'Globex', 'Initech']) {
    ids[tenant] = (await support.getByRole('link', { name: tenant }).getAttribute('href'))!.split('/').pop()!;
  }
  await support.close();
  // Profiles and users of Acme (Sales and outside it) and of Globex, as their admins see them.
  const hrefOf = async (who: Who, path: string, name: string | RegExp) => {
    const page = await contexts.get(who)!.newPage();
    await page.goto(`${baseUrl()}${path}`);
    const href = (await page.getByRole('grid').getByRole('link', { name, exact: typeof name === 'string' }).first().getAttribute('href'))!;
    await page.close();
    return href.split('/')[2]!;
  };
  ids.acmeSales = await hrefOf('admin@acme.test', '/profiles', 'Sales');
  ids.acmeMarketing = await hrefOf('admin@acme.test', '/profiles', 'Marketing');
  ids.acmeSalesUser = await hrefOf('admin@acme.test', `/profiles/${ids.acmeSales}/users`, /./);
  ids.acmeMarketingUser = await hrefOf('admin@acme.test', `/profiles/${ids.acmeMarketing}/users`, /./);
  // Sessions with a log, of Sales and of Marketing (their "View log" links).
  ids.acmeSalesSession = await hrefOf('admin@acme.test', `/profiles/${ids.acmeSales}/statistics`, /^View log of the session/);
  ids.acmeMarketingSession = await hrefOf('admin@acme.test', `/profiles/${ids.acmeMarketing}/statistics`, /^View log of the session/);
  ids.globexProfile = await hrefOf('admin@globex.test', '/profiles', 'Sales');
  ids.globexUser = await hrefOf('admin@globex.test', `/profiles/${ids.globexProfile}/users`, /./);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

/** A row's request: a GET, or a form POST from a page of the panel (its Origin). */
async function answer(request: APIRequestContext, url: string, headers: Record<string, string> = {}, form?: Record<string, string>): Promise<Expected | number> {
  const response = form
    ? await request.post(`${baseUrl()}${url}`, { maxRedirects: 0, headers: { ...headers, origin: new URL(baseUrl()).origin }, form })
    : await request.get(`${baseUrl()}${url}`, { maxRedirects: 0, headers });
  if (response.status() >= 300 && response.status() < 400) {
    const location = new URL(response.headers().location ?? '', baseUrl());
    if (location.pathname === '/login') return 'login';
    if (location.pathname === '/no-access') return 'no-access';
    if (location.pathname === '/support') return 'support';
    if (location.pathname === '/') return 'home';
    return response.status();
  }
  return response.status();
}

interface MatrixRow {
  url: () => string;
  /** The test's name when url()'s source does not show the path. */
  name?: string;
  form?: Record<string, string>;
  expect: Record<Who, Expected>;
}

const ROWS: MatrixRow[] = [
  // url() is read when the test runs: the ids come from beforeAll.
  {
    url: () => '/',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 'support' },
  },
  {
    url: () => '/audit',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 403, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/api/freshness',
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => '/alerts',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/alerts/history',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    // Demo mode (the browser tests run the demo): any tenant admin, their own tenant's inbox.
    url: () => '/alerts/demo-inbox',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/organisation',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 403, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/errors',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/support',
    expect: { anonymous: 'login', 'admin@acme.test': 403, 'sales-admin@acme.test': 403, 'admin@globex.test': 403, 'admin@initech.test': 'no-access', 'support@vendor.test': 200 },
  },
  {
    url: () => '/support/audit',
    expect: { anonymous: 'login', 'admin@acme.test': 403, 'sales-admin@acme.test': 403, 'admin@globex.test': 403, 'admin@initech.test': 'no-access', 'support@vendor.test': 200 },
  },
  {
    url: () => `/support/tenants/${ids.Acme}`,
    expect: { anonymous: 'login', 'admin@acme.test': 403, 'sales-admin@acme.test': 403, 'admin@globex.test': 403, 'admin@initech.test': 'no-access', 'support@vendor.test': 200 },
  },
  {
    url: () => `/support/tenants/${NO_SUCH_UUID}`,
    expect: { anonymous: 'login', 'admin@acme.test': 403, 'sales-admin@acme.test': 403, 'admin@globex.test': 403, 'admin@initech.test': 'no-access', 'support@vendor.test': 404 },
  },
  {
    url: () => '/support/tenants/not-a-uuid',
    expect: { anonymous: 'login', 'admin@acme.test': 403, 'sales-admin@acme.test': 403, 'admin@globex.test': 403, 'admin@initech.test': 'no-access', 'support@vendor.test': 404 },
  },
  {
    url: () => '/login',
    expect: { anonymous: 200, 'admin@acme.test': 'home', 'sales-admin@acme.test': 'home', 'admin@globex.test': 'home', 'admin@initech.test': 'home', 'support@vendor.test': 'home' },
  },
  {
    url: () => '/no-access',
    expect: { anonymous: 200, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 200, 'support@vendor.test': 200 },
  },
  {
    url: () => '/profiles',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/users',
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeSales}/users`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeMarketing}/users`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.acmeSalesUser}/statistics`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.acmeMarketingUser}/statistics`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.globexUser}/statistics`,
    expect: { anonymous: 'login', 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.globexProfile}/users`,
    expect: { anonymous: 'login', 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => '/users/not-a-uuid/statistics',
    expect: { anonymous: 'login', 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeMarketing}/statistics`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/users/${ids.acmeSalesUser}/statistics.csv?from=2026-11-01&to=2026-11-02`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    // A selection too long for a URL is posted as a form.
    url: () => `/api/users/${ids.acmeSalesUser}/statistics.csv`,
    form: { from: '2026-11-01', to: '2026-11-02', except: NO_SUCH_UUID },
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/users/${ids.acmeMarketingUser}/statistics.zip`,
    form: { from: '2026-11-01', to: '2026-11-02' },
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/users/${ids.acmeMarketingUser}/statistics.zip?from=2026-11-01&to=2026-11-02`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/profiles/${ids.acmeMarketing}/statistics.csv?from=2026-11-01&to=2026-11-02`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => '/api/users.csv?status=error',
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/profiles/${ids.acmeMarketing}/users.csv`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/profiles/${ids.acmeMarketing}/users?q=a`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/profiles/${ids.acmeSales}/users?q=a`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.acmeMarketingUser}/sync-issues`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeSales}/sync-issues`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/users/${ids.acmeSalesUser}/sync-issues.csv`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/profiles/${ids.acmeMarketing}/sync-issues.csv`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeSales}/settings`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/profiles/${ids.acmeMarketing}/settings`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.acmeMarketingUser}/settings`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/users/${ids.globexUser}/settings`,
    expect: { anonymous: 'login', 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 200, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/sessions/${ids.acmeSalesSession}/log`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/sessions/${ids.acmeMarketingSession}/log?line=2`,
    expect: { anonymous: 'login', 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/sessions/${ids.acmeMarketingSession}/log/lines?tail=5`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/sessions/${ids.acmeMarketingSession}/log/search?q=INFO`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/sessions/${ids.acmeSalesSession}/log/lines?from=1&count=10`,
    expect: { anonymous: 401, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/sessions/${NO_SUCH_UUID}/log`,
    expect: { anonymous: 'login', 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 'no-access', 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/sessions/${NO_SUCH_UUID}/log/lines`,
    expect: { anonymous: 401, 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    url: () => `/api/sessions/${NO_SUCH_UUID}/log.zip`,
    expect: { anonymous: 401, 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    // Sync now for a user no one has: the same answer in every tenant, and no request made.
    url: () => `/api/users/${NO_SUCH_UUID}/sync-requests`,
    form: {},
    expect: { anonymous: 401, 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    // A bulk action's users: platform admins, their own tenant's events (another's is not found).
    url: () => `/api/audit/events/${NO_SUCH_UUID}/users.csv`,
    expect: { anonymous: 401, 'admin@acme.test': 404, 'sales-admin@acme.test': 403, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 403 },
  },
  {
    // The proxy answers API calls itself: 401 anonymous, 403 without panel access (JSON, no redirect).
    url: () => '/api/no-such-route',
    expect: { anonymous: 401, 'admin@acme.test': 404, 'sales-admin@acme.test': 404, 'admin@globex.test': 404, 'admin@initech.test': 403, 'support@vendor.test': 404 },
  },
  {
    // The engine's API knows bearer tokens only: a panel session opens nothing there.
    url: () => '/api/ingest/v1/sync-state',
    expect: { anonymous: 401, 'admin@acme.test': 401, 'sales-admin@acme.test': 401, 'admin@globex.test': 401, 'admin@initech.test': 401, 'support@vendor.test': 401 },
  },
  {
    url: () => '/api/ingest/v1/openapi.json',
    expect: { anonymous: 200, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 200, 'support@vendor.test': 200 },
  },
  // The health checks answer everyone, signed in or not (load balancers do not sign in).
  ...['/api/health', '/api/health/live', '/api/health/ready'].map((path): MatrixRow => ({
    url: () => path,
    name: path,
    expect: { anonymous: 200, 'admin@acme.test': 200, 'sales-admin@acme.test': 200, 'admin@globex.test': 200, 'admin@initech.test': 200, 'support@vendor.test': 200 },
  })),
  {
    // Metrics know their bearer token only (the e2e server has one): a panel session opens nothing.
    url: () => '/api/metrics',
    expect: { anonymous: 401, 'admin@acme.test': 401, 'sales-admin@acme.test': 401, 'admin@globex.test': 401, 'admin@initech.test': 401, 'support@vendor.test': 401 },
  },
];

for (const row of ROWS) {
  test(`authorization matrix: ${row.form ? 'POST ' : ''}${row.name ?? row.url.toString().replace(/^.*?[`']([^`']*)[`'].*$/s, '$1')}`, async () => {
    const got: Record<string, Expected | number> = {};
    for (const [who, context] of contexts) got[who] = await answer(context.request, row.url(), {}, row.form);
    expect(got).toEqual(row.expect);
  });
}

test('x-middleware-subrequest headers get a request no further than without them', async () => {
  const anonymous = contexts.get('anonymous')!.request;
  for (const value of ['middleware', 'proxy', 'src/middleware', 'middleware:middleware:middleware:middleware:middleware', 'proxy:proxy:proxy:proxy:proxy']) {
    for (const url of ['/audit', '/support', '/']) {
      expect(await answer(anonymous, url, { 'x-middleware-subrequest': value }), `${url} with ${value}`).toBe('login');
    }
  }
  const initech = contexts.get('admin@initech.test')!.request;
  expect(await answer(initech, '/audit', { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' })).toBe('no-access');
});

test('forged, unsigned and expired session cookies are refused', async () => {
  const secret = fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? '.data', 'secret'), 'utf8').trim();
  const state = await contexts.get('admin@acme.test')!.storageState();
  const real = await decode({ token: state.cookies.find((c) => c.name === 'next-auth.session-token')!.value, secret });
  expect(real?.adminId).toBeTruthy();
  const claims = { ...real, exp: undefined, iat: undefined, jti: undefined };
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const status = async (cookie: string) => {
    const response = await contexts
      .get('anonymous')!
      .request.get(`${baseUrl()}/audit`, { maxRedirects: 0, headers: { cookie: `next-auth.session-token=${cookie}` } });
    return `${response.status()} ${response.headers().location ?? ''}`.trim();
  };
  // The control: the same claims, properly signed and fresh, are accepted.
  expect(await status(await encode({ token: claims, secret }))).toBe('200');
  const forged = {
    garbage: 'not-a-token',
    unsigned: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    wrongSecret: await encode({ token: claims, secret: 'x'.repeat(48) }),
    expired: await encode({ token: claims, secret, maxAge: -60 }),
  };
  for (const [kind, cookie] of Object.entries(forged)) {
    expect(`${kind}: ${await status(cookie)}`).toMatch(new RegExp(`^${kind}: 307 /login`));
  }
});
