// The vendor page's sync issues procedures: a profile's issues as CSV, a user's issues listed.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { baseUrl, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test("a profile's Sync issues sub-tab exports them to a CSV that opens", async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).click();
  await page.getByRole('tab', { name: 'Sync issues' }).click();
  await expect(page.getByText(/available as a CSV file only/)).toBeVisible();
  await expect(page.getByText(/Sales has [\d,]+\+? sync issues?/)).toBeVisible();
  await saveScreenshot(page, 'profile-sync-issues');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export To CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('sync issues Sales all.csv');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('\uFEFFID,User name,Profile name,Date,Type,Connectivity,Name,Operation name,Error Code,Description,Error source,Target object ID');
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.slice(1, -1).every((line) => line.includes(',Sales,'))).toBe(true);
});

test("a user's Sync issues sub-tab lists their issues with the codes' meanings, reached from the users list", async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  const grid = page.getByRole('grid', { name: 'Users' });
  // The issue count of the users list opens the same period on the user's Sync issues tab.
  const countLink = grid.getByRole('link', { name: /^[1-9]\d* sync issues of/ }).first();
  const count = Number((await countLink.textContent())!.trim());
  await countLink.click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]+\/sync-issues\?from=/);
  await expect(page.getByRole('tab', { name: 'Sync issues', selected: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${count} sync issues?$`))).toBeVisible();
  const issues = page.getByRole('grid', { name: /^Sync issues of/ });
  await expect(issues.getByRole('columnheader', { name: 'Error Code' })).toBeVisible();
  await expect(issues.getByText(/The object (is locked|has already been removed|is inaccessible|is active)|Unknown error code/).first()).toBeVisible();
  await saveScreenshot(page, 'user-sync-issues');
  // All time, then one error code from the Filter by menu, which says what each code means.
  await page.getByRole('link', { name: 'All time' }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Filter by' }).click();
  const codeOne = page.getByRole('menuitem', { name: /^1 The object is locked; an error occurred during the operation$/ });
  await expect(page.getByRole('menuitem', { name: /^2 The object has already been removed from storage$/ })).toBeVisible();
  await codeOne.click();
  await expect(page).toHaveURL(/\?code=1$/);
  await expect(page.getByRole('link', { name: 'Remove the filter Error code: 1' })).toBeVisible();
  const codes = await issues.locator('[data-field="errorCode"] p').allTextContents();
  expect(codes.length === 0 || codes.every((code) => code === '1')).toBe(true);
  // A code nobody has: the empty table says so in words.
  await page.goto(`${baseUrl()}${new URL(page.url()).pathname}?code=987654`);
  await expect(issues.getByText('No sync issues match these filters.')).toBeVisible();
  await page.goto(`${baseUrl()}${new URL(page.url()).pathname}?code=abc`);
  await expect(page.getByText('"code" must be a whole number.')).toBeVisible();
});
