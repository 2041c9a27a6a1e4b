// A selection means what it says: ticks survive paging, "select all" offers the whole period,
// and the exports carry exactly the sessions selected (posted as a form, not in the URL).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, saveScreenshot } from './support/page-checks';
import { ingestionTokenFromSupport } from './support/ingestion-token';
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

// On a laptop and on a phone: the checkboxes, the pager and the banner work alike.
for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

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

    test('1,000 sessions ticked across ten pages export exactly those, sent as a form', async ({ browser, page, request }) => {
      test.setTimeout(180_000);
      // A user with 1,000 sessions of their own, reported by the engine with a token from the support console.
      const token = await ingestionTokenFromSupport(browser);
      const start = Date.now() - 2 * DAY;
      const batch = {
        profiles: [{ id: 'bulk-selection', name: 'Bulk selection' }],
        users: [{ email: 'zz.thousand@acme.test', name: 'Zz Thousand Sessions', profileId: 'bulk-selection' }],
        sessions: Array.from({ length: 1_000 }, (_, i) => ({
          id: `bulk-${i}`,
          userEmail: 'zz.thousand@acme.test',
          startedAt: new Date(start + i * 60_000).toISOString(),
          endedAt: new Date(start + i * 60_000 + 5_000).toISOString(),
          status: 'success',
        })),
      };
      const posted = await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers: { authorization: `Bearer ${token}` }, data: batch });
      expect(posted.status()).toBe(200);

      await signInAt(page, '/users?q=zz.thousand', 'admin@acme.test');
      const href = await page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: 'Zz Thousand Sessions', exact: true }).getAttribute('href');
      const from = new Date(start - DAY).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      await page.goto(`${baseUrl()}${href}/statistics?from=${from}&to=${to}&pageSize=100`);
      expect(await periodCount(page)).toBe(1_000);
      const seen: string[] = [];
      for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
        await expect(grid(page).locator('[role="row"][data-id]')).toHaveCount(100);
        seen.push(...(await grid(page).locator('[role="row"][data-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')!))));
        await grid(page).getByRole('checkbox', { name: /select all rows/i }).check();
        await expect(page.getByRole('button', { name: `Download (${(pageNumber * 100).toLocaleString('en-US')})` })).toBeVisible();
        if (pageNumber < 10) {
          await page.getByRole('link', { name: 'Next ›' }).click();
          await expect(grid(page).locator(`[data-id="${seen.at(-1)}"]`)).toHaveCount(0);
        }
      }
      expect(new Set(seen).size).toBe(1_000);
      await expect(page.getByRole('status')).toContainText('1,000 sessions selected');
      // 1,000 ids do not fit a URL: the export is a form POST, and holds exactly the ticked sessions.
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/statistics.csv')) posts.push(r.method());
      });
      const ids = await exportSelectedCsv(page, /^Selected \(1,000\)$/);
      expect(ids.sort()).toEqual([...seen].sort());
      expect(posts).toContain('POST');
    });
  });
}
