// A user who left the company: the engine reports them removed; they leave the users list, the
// Removed filter finds them, their page says so without a sync switch, and the audit log names
// the sync engine. The user is this test's own, posted as the engine does.
import { expect, test } from '@playwright/test';
import { ingestionTokenFromSupport } from './support/ingestion-token';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const run = Date.now().toString(36);
const EMAIL = `leaver-${run}@acme.test`;
const NAME = `Leaver ${run}`;

test('a user the sync engine removed leaves the list and is found under Removed', async ({ browser, page, request }) => {
  const token = await ingestionTokenFromSupport(browser);
  const post = (data: unknown) => request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers: { authorization: `Bearer ${token}` }, data });
  expect((await post({ users: [{ email: EMAIL, name: NAME, profileId: 'acme-sales' }] })).status()).toBe(200);
  expect((await post({ users: [{ email: EMAIL, removed: true }] })).status()).toBe(200);

  await signInAt(page, `/users?q=${run}`, 'admin@acme.test');
  await expect(page.getByText('No users match these filters.')).toBeVisible();
  await page.goto(`${baseUrl()}/users?q=${run}&status=removed`);
  const grid = page.getByRole('grid', { name: 'Users' });
  await expect(grid.getByRole('row').filter({ hasText: NAME })).toContainText('Removed');
  await grid.getByRole('link', { name: NAME, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText(/The sync engine removed this user on/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Enable|Disable) sync$/ })).toHaveCount(0);
  await expectAccessible(page);
  await saveScreenshot(page, 'user-removed');

  await page.goto(`${baseUrl()}/audit`);
  await expect(page.getByRole('row').filter({ hasText: 'Users removed by the sync engine' }).first()).toContainText('sync engine');
});
