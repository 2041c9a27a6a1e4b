// The vendor page's statistics and download procedures, each download opened and checked.
import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Download, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const HEADER =
  'Session ID,User ID,User email,Synchronization start date,Synchronization end date,Status,Synchronization scope,Changes,Issues,Error category,Error source,Message';

async function downloadOf(page: Page, action: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

const csvLines = (bytes: Buffer) => {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8').split('\r\n');
};

async function firstActiveUserPath(page: Page): Promise<string> {
  await page.goto(`${baseUrl()}/users?status=enabled`);
  const href = await page.getByRole('grid', { name: 'Users' }).getByRole('link').first().getAttribute('href');
  return `${href}/statistics`;
}

test('a direct link to a user\'s statistics survives sign-in and shows exactly that period', async ({ browser }) => {
  const scout = await (await browser.newContext()).newPage();
  await signInAt(scout, '/users', 'admin@acme.test');
  const path = await firstActiveUserPath(scout);
  const to = new Date();
  const from = new Date(to.getTime() - 2 * 86_400_000);
  const target = `${path}?from=${from.toISOString()}&to=${to.toISOString()}`;

  const page = await (await browser.newContext()).newPage();
  await signInAt(page, target, 'admin@acme.test');
  expect(decodeURIComponent(page.url())).toBe(decodeURIComponent(`${baseUrl()}${target}`));
  await expect(page.getByRole('tab', { name: 'Statistics', selected: true })).toBeVisible();
  // The line above the table names exactly the link's period (each end a time, shown locally).
  const periodLine = page.getByText(/^Sessions started from/);
  await expect(periodLine.locator(`time[datetime="${from.toISOString()}"]`)).toBeVisible();
  await expect(periodLine.locator(`time[datetime="${to.toISOString()}"]`)).toBeVisible();
  const grid = page.getByRole('grid', { name: /^Sync sessions of/ });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  // How many sessions the period holds, said under the table: the rows, when one page holds them.
  const rows = (await grid.getByRole('row').count()) - 1;
  const total = Number((await page.getByRole('navigation', { name: 'Pages' }).getByText(/^[\d,]+\+? sessions$/).textContent())!.replace(/\D/g, ''));
  if (rows < 25) expect(total).toBe(rows);
  else expect(total).toBeGreaterThanOrEqual(rows);
  await saveScreenshot(page, 'user-statistics');
});

test('profile statistics, and its sessions exported to CSV', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Marketing', exact: true }).click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/statistics/);
  const grid = page.getByRole('grid', { name: 'Sync sessions of Marketing' });
  await expect(grid.getByRole('columnheader', { name: 'User ID' })).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  await saveScreenshot(page, 'profile-statistics');
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const { download, bytes } = await downloadOf(page, () => page.getByRole('menuitem', { name: 'This period' }).click());
  expect(download.suggestedFilename()).toMatch(/^sessions Marketing \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csvLines(bytes);
  expect(lines[0]).toBe(HEADER);
  expect(lines.length).toBeGreaterThan(3);
  await expect(page.getByText('Your CSV download is starting…')).toBeVisible();
});

test('user statistics: From and To, a hidden column stays hidden, exports of all, of a selection, the ZIP and one log', async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  await page.goto(`${baseUrl()}${await firstActiveUserPath(page)}`);
  // From and To at the top of the page: the last 24 hours preset, then an explicit period.
  await page.getByRole('link', { name: '24 hours' }).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-11-20T00:00');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-30T00:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2026-11-\d\dT/);
  const grid = page.getByRole('grid', { name: /^Sync sessions of/ });
  await expect(grid.getByRole('row').nth(2)).toBeVisible();

  // Table actions: hide Synchronization scope; it stays hidden after a reload.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Synchronization scope' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Synchronization scope' })).toHaveCount(0);
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(grid.getByRole('columnheader', { name: 'Message' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Synchronization scope' })).toHaveCount(0);

  // Export to CSV: all of the user's sessions.
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const all = await downloadOf(page, () => page.getByRole('menuitem', { name: 'All sessions' }).click());
  const allLines = csvLines(all.bytes);
  expect(allLines[0]).toBe(HEADER);
  expect(all.download.suggestedFilename()).toMatch(/ all\.csv$/);

  // Select two rows of the period and export them.
  await grid.getByRole('checkbox', { name: 'Select row' }).nth(0).check();
  await grid.getByRole('checkbox', { name: 'Select row' }).nth(1).check();
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const selected = await downloadOf(page, () => page.getByRole('menuitem', { name: 'Selected (2)' }).click());
  expect(csvLines(selected.bytes).filter(Boolean)).toHaveLength(3);

  // Download: the ZIP of the selection, with sessions.csv and the logs.
  const zipped = await downloadOf(page, () => page.getByRole('button', { name: 'Download (2)' }).click());
  const zip = await JSZip.loadAsync(zipped.bytes, { checkCRC32: true });
  const names = Object.keys(zip.files);
  expect(names).toContain('sessions.csv');
  // A selected session without a log is named in logs/missing.txt instead.
  expect(names.every((name) => name === 'sessions.csv' || name === 'logs/missing.txt' || /^logs\/[0-9a-f-]{36}\.log$/.test(name))).toBe(true);
  const missing = names.includes('logs/missing.txt') ? (await zip.file('logs/missing.txt')!.async('string')).match(/[0-9a-f-]{36}/g)!.length : 0;
  expect(names.filter((name) => name.endsWith('.log')).length + missing).toBe(2);
  expect((await zip.file('sessions.csv')!.async('string')).split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
  // Each log is dated by its session's start (UTC, as ZIP readers show it), to the minute.
  const starts = new Map((await zip.file('sessions.csv')!.async('string')).split('\r\n').slice(1).filter(Boolean).map((line) => [line.slice(0, 36), line.split(',')[3]!]));
  for (const name of names.filter((n) => n.endsWith('.log'))) {
    const date = zip.files[name]!.date;
    const shown = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    expect(shown).toBe(starts.get(name.slice(5, 41))!.slice(0, 16));
  }

  // Download log of one session from the Actions column.
  const logButton = grid.getByRole('link', { name: /^Download log/ }).first();
  const single = await downloadOf(page, () => logButton.click());
  const logZip = await JSZip.loadAsync(single.bytes, { checkCRC32: true });
  const [logName] = Object.keys(logZip.files);
  expect(logName).toMatch(/^[0-9a-f-]{36}\.log$/);
  expect(await logZip.file(logName!)!.async('string')).toMatch(/Session .* for .*@acme\.test/);
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  // The browser is in New York; the organisation's zone (UTC for the demo) is what the page counts and shows.
  test("a reversed period keeps its values and is explained in the organisation's time zone, from the URL or typed", async ({ page }) => {
    await signInAt(page, '/users', 'admin@acme.test');
    const path = await firstActiveUserPath(page);
    await page.goto(`${baseUrl()}${path}?from=2026-11-27&to=2026-11-20`);
    await expect(page.getByText('The period ends before it starts: "from" must be before "to".')).toBeVisible();
    // The fields keep the URL's period, in the organisation's time, and say what is wrong with it there.
    await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('2026-11-27T00:00');
    await expect(page.getByRole('textbox', { name: 'To', exact: true })).toHaveValue('2026-11-20T00:00');
    await expect(page.getByRole('alert').filter({ hasText: 'From is Nov 27, 2026, 12:00 AM and To is Nov 20, 2026, 12:00 AM (UTC)' })).toBeVisible();
    await expect(page.getByText('Times in UTC')).toBeVisible();

    // Typed reversed (in the organisation's time): refused on the page, what was typed stays.
    await page.goto(`${baseUrl()}${path}`);
    const before = page.url();
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-11-29T08:30');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-28T08:30');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'From is Nov 29, 2026, 8:30 AM and To is Nov 28, 2026, 8:30 AM' })).toBeVisible();
    expect(page.url()).toBe(before);
    await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('2026-11-29T08:30');

    // A value that is no time at all is quoted under its field.
    await page.goto(`${baseUrl()}${path}?from=yesterday`);
    await expect(page.getByText('“yesterday” is not a date and time.')).toBeVisible();
  });
});

test('profile statistics sorted by status (errors first) and filtered by error source, as links', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await page.getByRole('link', { name: '30 days' }).click();
  await expect(page).toHaveURL(/from=/);
  // The From field follows the preset (it once kept the previous value).
  const from = new URL(page.url()).searchParams.get('from')!;
  const fromLocal = await page.evaluate((iso) => {
    const date = new Date(iso);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, from);
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue(fromLocal);
  const grid = page.getByRole('grid', { name: 'Sync sessions of Sales' });
  const status = grid.getByRole('columnheader', { name: 'Status' });
  await status.click();
  await expect(page).toHaveURL(/sort=status/);
  await status.click();
  await expect(page).toHaveURL(/sort=-status/);
  await expect(status).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row').nth(1)).toContainText('Error');
  await saveScreenshot(page, 'profile-statistics-by-status');

  await page.getByRole('button', { name: 'Filter by' }).click();
  await page.getByRole('menuitem', { name: 'Mail server' }).click();
  await expect(page).toHaveURL(/errorSource=mail_server/);
  await expect(page).toHaveURL(/sort=-status/);
  const sources = await grid.locator('[data-field="errorSource"][role="gridcell"]').allInnerTexts();
  expect(sources.length).toBeGreaterThan(0);
  expect(new Set(sources)).toEqual(new Set(['Mail server']));
  await expectAccessible(page);

  // Error categories are a list of those that occurred, matched exactly.
  await page.getByRole('button', { name: 'Filter by (1)' }).click();
  const menu = page.getByRole('menu');
  const categoryItems = menu.getByRole('menuitem').filter({ hasNotText: /^(All|Ready to synchronize|Started|Success|Skipped|Canceled|Error|CRM|Mail server|Sync application)/ });
  const category = (await categoryItems.first().innerText()).trim();
  await categoryItems.first().click();
  await expect(page).toHaveURL(new RegExp(`errorCategory=${encodeURIComponent(category).replace(/%20/g, '\\+')}`));
  await expect(page.getByRole('link', { name: `Remove the filter Error category: ${category}` })).toBeVisible();
  const categories = await grid.locator('[data-field="errorCategory"][role="gridcell"]').allInnerTexts();
  expect(categories.length).toBeGreaterThan(0);
  expect(new Set(categories)).toEqual(new Set([category]));
  // The chip removes its filter and keeps the others.
  await page.getByRole('link', { name: `Remove the filter Error category: ${category}` }).click();
  await expect(page).not.toHaveURL(/errorCategory=/);
  await expect(page).toHaveURL(/errorSource=mail_server/);
});

test("a profile's statistics narrowed to one user, picked by name, and back", async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const grid = page.getByRole('grid', { name: 'Sync sessions of Sales' });
  const someone = (await grid.locator('[data-field="userId"][role="gridcell"] a').first().innerText()).trim();
  const userField = page.getByRole('combobox', { name: 'User' });
  await userField.fill(someone.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(`^${someone}`) }).first().click();
  await expect(page).toHaveURL(/[?&]user=[0-9a-f-]{36}/);
  await expect(userField).toHaveValue(someone);
  const names = await grid.locator('[data-field="userId"][role="gridcell"] a').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names.map((name) => name.trim()))).toEqual(new Set([someone]));
  // This period's CSV follows the user filter.
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const { bytes } = await downloadOf(page, () => page.getByRole('menuitem', { name: 'This period' }).click());
  const rows = csvLines(bytes).slice(1).filter(Boolean);
  const total = Number((await page.getByRole('navigation', { name: 'Pages' }).getByText(/^[\d,]+ sessions?$/).textContent())!.replace(/\D/g, ''));
  expect(rows.length).toBe(total);
  await expectAccessible(page);
  // Clearing the field shows every user again.
  await userField.focus();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page).not.toHaveURL(/user=/);
});
