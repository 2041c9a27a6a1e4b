import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test('the sign-in page passes axe, with the panel\'s icon and nothing missing', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${baseUrl()}/login`);
  await page.waitForLoadState('networkidle');
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toMatch(/^\/icon\.svg/);
  expect((await page.request.get(`${baseUrl()}${icon}`)).headers()['content-type']).toContain('image/svg+xml');
  expect(missing).toEqual([]);
  await expect(page.getByRole('button', { name: 'Sign in with Demo SSO' })).toBeVisible();
  await saveScreenshot(page, 'login');
});

test('an admin lands on the overview of their scope, with their role in the header', async ({ page }) => {
  await signInAt(page, '/', 'sales-admin@acme.test');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText(/the users of the profile "Sales"/)).toBeVisible();
  await expect(page.getByTestId('signed-in-admin')).toContainText('Acme · Profile admin');
  await expectAccessible(page);
  await saveScreenshot(page, 'home');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('the health endpoint answers 200 on the running product', async ({ request }) => {
  const response = await request.get(`${baseUrl()}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', migrations: { pending: 0 } });
});
