import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';

test('the landing page says the service is ready and passes axe', async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole('heading', { name: 'Sync Admin Panel' })).toBeVisible();
  await expect(page.getByText(/Service ready \(pglite database/)).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'home');
});

test('the health endpoint answers 200 on the running product', async ({ request }) => {
  const response = await request.get(`${baseUrl()}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', migrations: { pending: 0 } });
});
