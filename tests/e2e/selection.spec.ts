// A selection means what it says: ticks survive paging, "select all" offers the whole period,
// and the exports carry exactly the sessions selected (posted as a form, not in the URL).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const DAY = 86_400_000;

/** A user whose last 30 days hold more than one page of sessions, on its Statistics tab. */
async function openBusyUser(page: Page): Promise<void> {
  await signInAt(page, '/users?status=enabled', 'admin@acme.test');
  const href = await page.getByRole('grid', { name: 'Users' }).getByRole('link').first().getAttribute('href');
  const to = new Date();
  const from = new Date(to.getTime() - 30 * DAY);
  await page.goto(`${baseUrl()}${href}/statistics?from=${from.toISOString()}&to=${to.toISOString()}`);
  await expect(page.getByRole('link', { name: 'Next ›' })).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid', { name: /^Sync sessions of/ });
const rowId = async (page: Page, index: number) => (await grid(page).locator('[role="row"][data-id]').nth(index).getAttribute('data-id'))!;
const tick = (page: Page, index: number) => grid(page).locator('[role="row"][data-id]').nth(index).getByRole('checkbox').click();

async function exportSelectedCsv(page: Page, item: RegExp): Promise<string[]> {
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  return lines.slice(1).filter(Boolean).map((line) => line.slice(0, 36));
}

async function periodCount(page: Page): Promise<number> {
  const text = (await page.getByRole('navigation', { name: 'Pages' }).getByText(/^[\d,]+ sessions$/).textContent())!;
  return Number(text.replace(/\D/g, ''));
}

test('ticks on two pages survive paging and export exactly those sessions', async ({ page }) => {
  await openBusyUser(page);
  const first = await rowId(page, 0);
  await tick(page, 0);
  await page.getByRole('link', { name: 'Next ›' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(grid(page).locator(`[data-id="${first}"]`)).toHaveCount(0);
  const second = await rowId(page, 1);
  const third = await rowId(page, 2);
  await tick(page, 1);
  await tick(page, 2);
  await expect(page.getByRole('status').filter({ hasText: '3 sessions selected, on any page of this period.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download (3)' })).toBeVisible();
  await saveScreenshot(page, 'selection-two-pages');
  expect((await exportSelectedCsv(page, /^Selected \(3\)$/)).sort()).toEqual([first, second, third].sort());
  // Back on page 1 the first tick is still there; the header checkbox of page 2 did not touch it.
  await page.goBack();
  await expect(grid(page).locator(`[data-id="${first}"]`).getByRole('checkbox')).toBeChecked();
});

test('all of the period except two: offered once the page is ticked, exported without those two', async ({ page }) => {
  await openBusyUser(page);
  const total = await periodCount(page);
  await grid(page).getByRole('checkbox', { name: /select all rows/i }).check();
  await page.getByRole('button', { name: `Select all ${total.toLocaleString('en-US')} sessions of this period` }).click();
  await expect(page.getByRole('status')).toContainText(`All ${total.toLocaleString('en-US')} sessions of this period are selected.`);
  const leftOut = [await rowId(page, 3)];
  await tick(page, 3);
  await page.getByRole('link', { name: 'Next ›' }).click();
  await expect(page).toHaveURL(/after=/);
  // The next page arrives ticked: the whole period is selected.
  await expect(grid(page).locator('[role="row"][data-id]').first().getByRole('checkbox')).toBeChecked();
  leftOut.push(await rowId(page, 0));
  await tick(page, 0);
  await expect(page.getByRole('status')).toContainText('except 2 sessions unticked');
  const label = `all ${total.toLocaleString('en-US')} except 2`;
  await expect(page.getByRole('button', { name: `Download (${label})` })).toBeVisible();
  const ids = await exportSelectedCsv(page, new RegExp(`^Selected \\(${label}\\)$`));
  expect(ids).toHaveLength(total - 2);
  expect(ids).not.toContain(leftOut[0]);
  expect(ids).not.toContain(leftOut[1]);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeVisible();
});
