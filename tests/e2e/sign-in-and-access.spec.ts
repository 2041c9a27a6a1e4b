import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

test('a direct link to the audit log survives the SSO round trip and lands on exactly that view', async ({ page }) => {
  const target = '/audit?from=2026-11-01&to=2026-12-01&action=panel_access.grant';
  await signInAt(page, target, 'admin@acme.test');
  expect(page.url()).toBe(`${baseUrl()}${target}`);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('signed-in-admin')).toContainText('admin@acme.test');
  await expect(page.getByTestId('signed-in-admin')).toContainText('Acme · Platform admin');
  await saveScreenshot(page, 'audit');
});

test('signing out ends the session: a copy of the cookie taken before opens nothing after', async ({ browser, playwright }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, '/audit', 'admin@globex.test');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token')!;
  // Another client holding a copy of the cookie, as a stolen one would be.
  const copy = await playwright.request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  expect((await copy.get('/audit', { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  const pageAfter = await copy.get('/audit', { maxRedirects: 0 });
  expect(pageAfter.status()).toBe(307);
  expect(pageAfter.headers().location).toContain('/login');
  const downloadAfter = await copy.get('/api/sessions/10000000-0000-4000-8000-000000000001/log.zip', { maxRedirects: 0 });
  expect(downloadAfter.status()).toBe(401);
  await copy.dispose();
  await context.close();
});

test('an identity that is no admin gets the no-access page, never an account', async ({ page }) => {
  await signInAt(page, '/', 'stranger@acme.test');
  await expect(page).toHaveURL(/\/no-access/);
  await expect(page.getByText('does not belong to an admin')).toBeVisible();
  await expect(page.getByRole('link', { name: 'support@sync-admin.test' })).toBeVisible();
  await expect(page.getByTestId('signed-in-admin')).toHaveCount(0);
});

test('support grants Initech, its admin enters, and after a revoke the same open browser is refused within 60 s', async ({ browser }) => {
  test.setTimeout(180_000);
  const initech = await (await browser.newContext()).newPage();
  await signInAt(initech, '/', 'admin@initech.test');
  await expect(initech).toHaveURL(/\/no-access/);
  await expect(initech.getByText('Initech has not been granted access')).toBeVisible();
  await expectAccessible(initech);
  await saveScreenshot(initech, 'no-access');

  const support = await (await browser.newContext()).newPage();
  await signInAt(support, '/support', 'support@vendor.test');
  await saveScreenshot(support, 'support-tenants');
  await support.getByRole('link', { name: 'Initech' }).click();
  await support.getByLabel(/Reason to grant/).fill('Contract signed, ticket 4711');
  await support.getByRole('button', { name: 'Grant panel access' }).click();
  // A confirmation says what granting does, and the reason the audit keeps.
  const grant = support.getByRole('dialog', { name: "Grant Initech's panel access?" });
  await expect(grant).toContainText('The admins of Initech can open the panel at once');
  await expect(grant).toContainText('“Contract signed, ticket 4711”');
  await grant.getByRole('button', { name: 'Grant panel access' }).click();
  await expect(support.getByText('Panel access granted.')).toBeVisible();
  await expectAccessible(support);
  await saveScreenshot(support, 'support-tenant');

  // The admin's open browser enters now, without signing in again.
  await initech.goto(`${baseUrl()}/`);
  await expect(initech.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(initech.getByText(/^Initech · Platform admin · /)).toBeVisible();

  await support.getByLabel(/Reason to revoke/).fill('Contract ended');
  await support.getByRole('button', { name: 'Revoke panel access' }).click();
  const revoke = support.getByRole('dialog', { name: "Revoke Initech's panel access?" });
  await expect(revoke).toContainText('Every admin of Initech is signed out at once');
  await revoke.getByRole('button', { name: 'Revoke panel access' }).click();
  await expect(support.getByText(/Panel access revoked/)).toBeVisible();
  const revokedAt = Date.now();
  // No reload, no click: the open page itself is sent to the no-access page.
  await expect(initech).toHaveURL(/\/no-access/, { timeout: 60_000 });
  expect(Date.now() - revokedAt).toBeLessThan(60_000);
  // ...and any request of that browser is refused: the revoke ended its session, so it is sent
  // to sign in again (a later grant does not bring the old cookie back to life).
  const response = await initech.goto(`${baseUrl()}/audit`);
  expect(response?.url()).toContain('/login');

  await support.goto(`${baseUrl()}/support/audit?action=panel_access.revoke`);
  await expect(support.getByRole('cell', { name: 'Contract ended' })).toBeVisible();
  await saveScreenshot(support, 'support-audit');
});

test('support adds a profile admin to a tenant and removes them again, both audited', async ({ page }) => {
  await signInAt(page, '/support', 'support@vendor.test');
  await page.getByRole('link', { name: 'Globex' }).click();
  await page.getByRole('textbox', { name: /^Email/ }).fill('new-admin@globex.test');
  await page.getByRole('textbox', { name: /^Name/ }).fill('New Admin');
  await page.getByLabel('Profile admin (chosen profiles)').check();
  await page.getByLabel('Customer Success').check();
  await page.getByRole('button', { name: 'Add admin' }).click();
  await expect(page.getByRole('cell', { name: 'new-admin@globex.test', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Customer Success', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove new-admin@globex.test' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('cell', { name: 'new-admin@globex.test', exact: true })).toHaveCount(0);
  await page.goto(`${baseUrl()}/support/audit?action=admin.add`);
  await expect(page.getByRole('cell', { name: 'new-admin@globex.test', exact: true })).toBeVisible();
});
