// The vendor page's procedures for profiles and users, as an admin does them.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

test('filter profiles by Disabled from the Filter by menu', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await expect(page.getByRole('heading', { name: 'Profiles' })).toBeVisible();
  await expect(page.getByText(/^Enabled: \d+$/)).toBeVisible();
  await expect(page.getByText('Disabled: 1')).toBeVisible();
  await saveScreenshot(page, 'profiles');
  await page.getByRole('button', { name: 'Filter by' }).click();
  await expect(page.getByRole('menu').getByText('Synchronization status')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  await expect(page).toHaveURL(/\/profiles\?status=disabled$/);
  const grid = page.getByRole('grid', { name: 'Profiles' });
  await expect(grid.getByRole('link', { name: 'Legacy Outlook 2016' })).toBeVisible();
  await expect(grid.getByRole('link', { name: 'Sales', exact: true })).toHaveCount(0);
  await expect(grid.getByText('Disabled', { exact: true })).toBeVisible();
});

test("open a profile's Users subtab", async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/users$/);
  await expect(page.getByRole('tab', { name: 'Users', selected: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Users of Sales' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Effective synchronization status' })).toBeVisible();
  await saveScreenshot(page, 'profile-users');
});

test('list all users, filter by status and search a user', async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  await expect(page.getByText(/^\d+ users$/)).toBeVisible();
  await saveScreenshot(page, 'users');
  // The Filter by menu applies at once, and the active filter shows as a chip that removes it.
  await page.getByRole('button', { name: 'Filter by' }).click();
  await expect(page.getByRole('menu').getByText('Effective synchronization status')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Disabled due to an error' }).click();
  await expect(page).toHaveURL(/status=error/);
  await expect(page.getByRole('button', { name: 'Filter by (1)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Remove the filter Effective synchronization status: Disabled due to an error' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Users' });
  await expect(grid.getByText('Disabled due to an error').first()).toBeVisible();
  const effective = grid.locator('[role="gridcell"][data-field="effectiveStatus"]');
  await expect(effective.first()).toBeVisible();
  expect(new Set(await effective.locator('.MuiChip-label').allTextContents())).toEqual(new Set(['Disabled due to an error']));
  await saveScreenshot(page, 'users-in-error');
  // Export to CSV gives the list as filtered: the same users, in the same order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export to CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('users status-error.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFUser ID,Name,Email,')).toBe(true);
  const exported = csv.split('\r\n').slice(1).filter(Boolean);
  expect(exported.every((line) => line.includes(',Disabled due to an error,'))).toBe(true);
  const names = (await grid.locator('[role="gridcell"][data-field="name"]').allInnerTexts()).map((name) => name.trim());
  expect(exported.map((line) => line.split(',')[1])).toEqual(names);
  await page.goto(`${baseUrl()}/users`);
  const someone = await grid.getByRole('link').first().textContent();
  await page.getByLabel('Search name or email').fill(someone!.split(' ')[1]!);
  await page.getByLabel('Search name or email').press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(grid.getByRole('link', { name: someone! }).first()).toBeVisible();
});

test('a bad filter gives a clear message, not an error page', async ({ page }) => {
  await signInAt(page, '/users?status=sideways&pageSize=7', 'admin@acme.test');
  await expect(page.getByText('"status" must be enabled, disabled, error or removed')).toBeVisible();
  await page.goto(`${baseUrl()}/users?after=garbage`);
  await expect(page.getByText('The page link is invalid or out of date')).toBeVisible();
});

test('disable and re-enable a user who is disabled due to an error, and see the status change', async ({ page }) => {
  await signInAt(page, '/users?status=error', 'admin@acme.test');
  const grid = page.getByRole('grid', { name: 'Users' });
  const link = grid.getByRole('link').first();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  // The user's page opens on its Statistics tab at once: no redirect, no empty body in between.
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('tab', { name: 'Statistics', selected: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: `Sync sessions of ${name}` })).toBeVisible();
  await expect(page.getByText('Disabled due to an error')).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'user-in-error');
  await page.getByRole('button', { name: 'Enable sync' }).click();
  // The dialog says what enabling does for a user in error: sync again, the old error forgotten.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('The user synchronizes again at the next sync interval');
  await expect(dialog).toContainText('no longer counts');
  await expect(dialog).not.toContainText('stops synchronizing');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Enable sync' }).click();
  await expect(page.getByText('Sync enabled for the user.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Disabled due to an error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Disable sync' })).toBeVisible();
  const userUrl = page.url();
  await page.goto(`${baseUrl()}/users?q=${encodeURIComponent(name)}`);
  await expect(grid.getByText('Disabled due to an error')).toHaveCount(0);

  await page.goto(userUrl);
  await page.getByRole('button', { name: 'Disable sync' }).click();
  await expect(page.getByRole('dialog')).toContainText('The user stops synchronizing until sync is enabled again.');
  await page.getByRole('dialog').getByRole('button', { name: 'Disable sync' }).click();
  await expect(page.getByText('Sync disabled for the user.')).toBeVisible();
  await page.goto(`${baseUrl()}/users?status=disabled&q=${encodeURIComponent(name)}`);
  await expect(grid.getByRole('link', { name }).first()).toBeVisible();
  await page.goto(`${baseUrl()}/audit?action=user.sync_disable`);
  await expect(page.getByRole('cell', { name: 'User sync disabled' }).first()).toBeVisible();
});

test('the Sales profile admin sees only the Sales profile and its users', async ({ page }) => {
  await signInAt(page, '/profiles', 'sales-admin@acme.test');
  const profiles = page.getByRole('grid', { name: 'Profiles' });
  await expect(profiles.getByRole('link', { name: 'Sales', exact: true })).toBeVisible();
  await expect(profiles.getByRole('row')).toHaveCount(2);
  await page.goto(`${baseUrl()}/users`);
  const profileCells = page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: /^(?!Sales$).+/ }).filter({ hasText: /Marketing|Support|Executives|Partner|Legacy/ });
  await expect(profileCells).toHaveCount(0);
  await saveScreenshot(page, 'users-sales-admin');
});

test('every list has Columns, remembered per table: Email hidden on Users stays on a profile’s Users', async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  const grid = page.getByRole('grid', { name: 'Users' });
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Email' })).toHaveCount(0);
  // Another table, its own choice.
  await page.goto(`${baseUrl()}/profiles`);
  const profiles = page.getByRole('grid', { name: 'Profiles' });
  await expect(page.getByRole('button', { name: 'Columns' })).toBeVisible();
  await profiles.getByRole('link', { name: 'Sales', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Users of Sales' }).getByRole('columnheader', { name: 'Email' })).toBeVisible();
  // Put it back for the other tests.
  await page.goto(`${baseUrl()}/users`);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Email' }).check();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Email' })).toBeVisible();
  await page.waitForTimeout(1_000);
});

test('a failing user’s story: since when, how many Error sessions, and the last sessions by status', async ({ page }) => {
  await signInAt(page, '/users?status=error', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Users' }).getByRole('link').first().click();
  const failing = page.getByRole('definition').filter({ hasText: /Error sessions? since the last (Success|Skipped)/ });
  await expect(failing).toBeVisible();
  const errors = Number((await failing.textContent())!.match(/([\d,]+) Error sessions?/)![1]!.replace(/,/g, ''));
  expect(errors).toBeGreaterThan(0);
  // The strip ends with the streak: at least as many Error marks as the strip can hold of it.
  const marks = page.getByRole('list').filter({ has: page.getByRole('link', { name: /^(Error|Success|Skipped|Canceled|Started|Ready to synchronize), \d{4}-\d\d-\d\d \d\d:\d\d UTC$/ }) }).getByRole('link');
  const labels = await marks.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(0);
  const trailingErrors = labels.length - 1 - labels.findLastIndex((label) => /^(Success|Skipped)/.test(label));
  expect(labels.slice(-Math.min(errors, labels.length)).every((label) => label.startsWith('Error'))).toBe(true);
  expect(trailingErrors).toBeGreaterThanOrEqual(Math.min(errors, labels.length));
  await saveScreenshot(page, 'user-failing-story');
  // "Failing since" opens that first Error session on the Statistics tab.
  await failing.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/statistics\?from=/);
  const sessions = page.getByRole('grid').locator('[role="row"][data-id]');
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first().locator('[data-field="status"]')).toHaveText('Error');
});
