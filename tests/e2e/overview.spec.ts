// The overview procedure: signed in as the platform admin, see which profiles and users fail
// and why, and reach the sessions or issues behind a figure in one click, filters included.
import { expect, test } from '@playwright/test';
import { baseUrl, expectTouchTargets, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test('the overview shows where sync fails and each figure opens the sessions or issues behind it', async ({ page }) => {
  await signInAt(page, '/', 'admin@acme.test');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: '7 days' })).toHaveAttribute('aria-current', 'page');
  const profiles = page.getByRole('table', { name: 'Profiles with the most errors and issues' });
  await expect(profiles.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users disabled due to an error, worst first' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sessions in error by category' }).getByRole('row').nth(1)).toBeVisible();
  await expectTouchTargets(page);
  await saveScreenshot(page, 'overview');

  // The first profile's sessions in error: its statistics, errors only, over the same days.
  const errors = profiles.getByRole('link', { name: /sessions in error in/ }).first();
  const count = Number((await errors.innerText()).replace(/,/g, ''));
  expect(count).toBeGreaterThan(0);
  await errors.click();
  // The period's days start at midnight in the organisation's zone (UTC for the demo).
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/statistics\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&status=error$/);
  await expect(page.getByRole('tab', { name: 'Statistics', selected: true })).toBeVisible();
  const statuses = await page.locator('[data-field="status"][role="gridcell"]').allInnerTexts();
  expect(statuses.length).toBe(Math.min(count, 25));
  expect(new Set(statuses)).toEqual(new Set(['Error']));

  // A 30-day view, and an issue type leading to the profile's issues of that type.
  await page.goto(`${baseUrl()}/?days=30`);
  await expect(page.getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'page');
  const byType = page.getByRole('table', { name: 'Sync issues by type' });
  await byType.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/sync-issues\?from=.*&type=(email|event|contact|task)$/);
  await expect(page.getByText(/sync issues? matching these filters/)).toBeVisible();
});

test("a profile admin's overview covers their profiles only", async ({ page }) => {
  await signInAt(page, '/?days=30', 'sales-admin@acme.test');
  const names = await page.getByRole('table', { name: 'Profiles with the most errors and issues' }).locator('tbody tr td:first-child').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['Sales']));
});

test('a bad period is a clear message', async ({ page }) => {
  await signInAt(page, '/?days=12', 'admin@acme.test');
  await expect(page.getByText('"days" must be one of 1, 7, 30, 90.')).toBeVisible();
});

test('the overview says how fresh its data is, and warns when the sync engine has gone quiet', async ({ page }) => {
  await signInAt(page, '/', 'admin@acme.test');
  const freshness = page.getByTestId('freshness');
  await expect(freshness).toContainText(/^Data from the sync engine: \d+ (second|minute|hour)s? ago\. The figures count everything it reported up to \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
  // Three hours later without a batch (the browser's clock moved, nothing waited for): at the
  // next minute's check the line turns into a warning.
  await page.clock.install({ time: Date.now() + 3 * 3_600_000 });
  await page.reload();
  await page.clock.runFor(61_000);
  await expect(page.getByRole('alert').filter({ hasText: 'No data from the sync engine for' })).toContainText('so it may have stopped');
  await saveScreenshot(page, 'overview-engine-quiet');
});

test('every page of the panel says in its header how fresh the data is, and warns there too', async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  const header = page.getByRole('banner').getByTestId('header-freshness');
  await expect(header).toHaveText(/^Engine data \d+ (second|minute|hour)s? ago$/);
  await page.clock.install({ time: Date.now() + 3 * 3_600_000 });
  await page.reload();
  await page.clock.runFor(61_000);
  await expect(header).toHaveText(/^No engine data for 3 hours$/);
  // The warning leads to the overview, which says it in full.
  await header.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('alert').filter({ hasText: 'No data from the sync engine for' })).toBeVisible();
});

test('support sees when each tenant’s sync engine last reported', async ({ page }) => {
  await signInAt(page, '/support', 'support@vendor.test');
  const tenants = page.getByRole('table');
  await expect(tenants.getByRole('columnheader', { name: /^Engine's last report/ })).toBeVisible();
  // The demo's engines reported when the demo data was loaded: the last column has its time.
  await expect(tenants.getByRole('row').filter({ hasText: 'Acme' }).getByRole('cell').last().locator('time')).toHaveCount(1);
});
