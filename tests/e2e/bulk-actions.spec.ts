// Bulk recovery: every user disabled due to one reason enabled at once (only those change), the
// audit event with the filter, the count and the list to download, and a profile admin's bulk
// action kept to their profile. The users are this test's own, posted as the engine does.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ingestionTokenFromSupport } from './support/ingestion-token';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const run = Date.now().toString(36);
const REASON = `Mailbox rejected the credentials (bulk ${run})`;
const OTHER_REASON = `Salesforce session expired (bulk ${run})`;
const SCOPED_REASON = `Throttled by the mail server (bulk ${run})`;
const at = new Date(Date.now() - 3_600_000).toISOString();

const user = (name: string, profileId: string, reason: string) => ({ email: `${name}-${run}@acme.test`, name: `Bulk ${name} ${run}`, profileId, syncError: { reason, at } });
// 30 users with the reason (more than a page of 25), one with another reason, and four with a
// third: two in Sales (the profile admin's) and two in Marketing.
const USERS = [
  ...Array.from({ length: 30 }, (_, i) => user(`cred${String(i).padStart(2, '0')}`, i % 2 ? 'acme-sales' : 'acme-marketing', REASON)),
  user('other', 'acme-sales', OTHER_REASON),
  user('scoped-a', 'acme-sales', SCOPED_REASON),
  user('scoped-b', 'acme-sales', SCOPED_REASON),
  user('scoped-c', 'acme-marketing', SCOPED_REASON),
  user('scoped-d', 'acme-marketing', SCOPED_REASON),
];

const grid = (page: Page, name = 'Users') => page.getByRole('grid', { name });
const rows = (page: Page, name?: string) => grid(page, name).locator('[role="row"][data-id]');

test.beforeAll(async ({ browser, request }) => {
  const token = await ingestionTokenFromSupport(browser);
  const posted = await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers: { authorization: `Bearer ${token}` }, data: { users: USERS } });
  expect(posted.status()).toBe(200);
});

test('enables every user disabled due to one reason, audited as one event with the list of users', async ({ page }) => {
  await signInAt(page, '/users?status=error', 'admin@acme.test');
  // The reasons of the users in error are a filter of their own.
  await page.getByRole('button', { name: /^Filter by/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(REASON.replace(/[()]/g, '\\$&')) }).click();
  await expect(page).toHaveURL(/reason=/);
  await expect(page.getByText('30 users', { exact: true })).toBeVisible();
  // Tick the page, then take all 30 the filter matches.
  await grid(page).getByRole('checkbox', { name: 'Select all rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: '25 users selected, on any page.' })).toBeVisible();
  await page.getByRole('button', { name: 'Select all 30 users matching these filters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All 30 users matching these filters are selected.' })).toBeVisible();
  await saveScreenshot(page, 'users-bulk-selection');
  await page.getByRole('button', { name: 'Enable sync', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Enable sync for all 30 users?' });
  await expect(dialog).toContainText(`reason of the error “${REASON}”`);
  await expectAccessible(page);
  await saveScreenshot(page, 'users-bulk-confirmation');
  await dialog.getByRole('button', { name: 'Enable sync for all 30 users' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sync enabled for 30 users.' })).toBeVisible();
  // The filter now matches no one: they are enabled; the user with another reason is not.
  await expect(grid(page).getByText('No users match these filters.')).toBeVisible();
  await page.goto(`${baseUrl()}/users?q=${encodeURIComponent(`cred00-${run}`)}`);
  await expect(rows(page).first()).toContainText('Enabled');
  await page.goto(`${baseUrl()}/users?reason=${encodeURIComponent(OTHER_REASON)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Disabled due to an error');

  // One audit event: the filter and the count, and the users as a download.
  await page.goto(`${baseUrl()}/audit?action=users.bulk_sync_enable`);
  const event = page.getByRole('row').filter({ hasText: REASON }).first();
  await expect(event).toContainText('admin@acme.test');
  await expect(event).toContainText('users: 30');
  await expect(event).toContainText('status: error');
  const [download] = await Promise.all([page.waitForEvent('download'), event.getByRole('link', { name: /Download the list of the 30 users/ }).click()]);
  const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('User ID,Name,Email,Effective synchronization status before');
  expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(USERS.slice(0, 30).map((u) => u.email).sort());
  await saveScreenshot(page, 'audit-bulk-event');
});

test('a profile admin’s bulk action stays within their profile, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAt(page, `/users?reason=${encodeURIComponent(SCOPED_REASON)}`, 'sales-admin@acme.test');
  await expect(rows(page)).toHaveCount(2);
  await grid(page).getByRole('checkbox', { name: 'Select all rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 users selected, on any page.' })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'users-bulk-phone');
  await page.getByRole('button', { name: 'Enable sync', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enable sync for 2 users' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sync enabled for 2 users.' })).toBeVisible();
  // The platform admin still sees the two Marketing users disabled due to the reason.
  await page.context().clearCookies();
  await signInAt(page, `/users?reason=${encodeURIComponent(SCOPED_REASON)}`, 'admin@acme.test');
  await expect(rows(page)).toHaveCount(2);
  await expect(grid(page)).toContainText(`scoped-c-${run}@acme.test`);
  await expect(grid(page)).toContainText(`scoped-d-${run}@acme.test`);
});
