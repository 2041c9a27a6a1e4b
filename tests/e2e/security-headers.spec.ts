// Every page is served with its Content-Security-Policy (a fresh nonce each time), cannot be
// framed, and runs without a single CSP violation; a write that does not come from a panel page
// is refused.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signedInContext } from './support/accounts';
import { baseUrl } from './support/page-checks';

const FORGERY = /did not come from a page of the panel/;

/** Records CSP violations the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to apply: CSP ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
}

async function openAndCheck(page: Page, path: string, violations: string[]): Promise<string> {
  const response = await page.goto(`${baseUrl()}${path}`);
  expect(response?.status(), path).toBe(200);
  const headers = response!.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "style-src-attr 'unsafe-inline'"]) expect(policy, path).toContain(directive);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // Hydrated and interactive: the scripts ran under the policy.
  await page.waitForLoadState('networkidle');
  expect(violations, path).toEqual([]);
  return policy.match(/'nonce-([^']+)'/)![1]!;
}

test.describe('security headers', () => {
  let admin: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    admin = await signedInContext(browser, 'admin@acme.test');
  });

  test('every page has its policy, a fresh nonce and no CSP violation', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await admin.newPage();
    const violations = await watchViolations(page);
    const nonces = new Set<string>();
    for (const path of ['/', '/?days=30', '/profiles', '/users', '/users?status=error', '/audit']) nonces.add(await openAndCheck(page, path, violations));
    // A user's and a profile's pages, reached the way an admin does.
    await page.goto(`${baseUrl()}/users`);
    const userHref = await page.getByRole('grid').getByRole('link').first().getAttribute('href');
    for (const tab of ['', '/statistics', '/sync-issues', '/settings']) nonces.add(await openAndCheck(page, `${userHref}${tab}`, violations));
    await page.goto(`${baseUrl()}/profiles`);
    const profileHref = (await page.getByRole('grid').getByRole('link').first().getAttribute('href'))!.replace(/\/users$/, '');
    for (const tab of ['/users', '/statistics', '/sync-issues', '/settings']) nonces.add(await openAndCheck(page, `${profileHref}${tab}`, violations));
    expect(nonces.size).toBe(6 + 8);

    // The sign-in page and the support console, too.
    const anonymous = await (await browser.newContext()).newPage();
    await openAndCheck(anonymous, '/login', await watchViolations(anonymous));
    const support = await (await signedInContext(browser, 'support@vendor.test')).newPage();
    const supportViolations = await watchViolations(support);
    await openAndCheck(support, '/support', supportViolations);
    await openAndCheck(support, '/support/audit', supportViolations);
  });

  test('another site cannot frame the panel', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    await page.setContent(`<iframe title="panel" src="${baseUrl()}/login" width="800" height="600"></iframe>`);
    await expect.poll(() => refusals.some((text) => /frame-ancestors|Refused to (display|frame)/i.test(text))).toBe(true);
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  });

  test('a write from elsewhere is refused, a write from a panel page goes through', async () => {
    const request = admin.request;
    const action = { 'next-action': '0000000000000000000000000000000000000000', 'content-type': 'text/plain;charset=UTF-8' };
    const noOrigin = await request.post(`${baseUrl()}/users`, { headers: action, data: '[]', maxRedirects: 0 });
    expect(noOrigin.status()).toBe(403);
    expect(await noOrigin.text()).toMatch(FORGERY);
    const evil = await request.post(`${baseUrl()}/users`, { headers: { ...action, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, data: '[]', maxRedirects: 0 });
    expect(evil.status()).toBe(403);
    expect(await evil.text()).toMatch(FORGERY);
    // The same request from the panel's own origin reaches Next.js (which knows no such action).
    const own = await request.post(`${baseUrl()}/users`, { headers: { ...action, origin: new URL(baseUrl()).origin }, data: '[]', maxRedirects: 0 });
    expect(own.status()).not.toBe(403);
    expect(await own.text()).not.toMatch(FORGERY);
    // Reads stay open to links from anywhere.
    expect((await request.get(`${baseUrl()}/users`, { headers: { origin: 'http://evil.example' } })).status()).toBe(200);
  });
});
