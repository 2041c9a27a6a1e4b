// Reading a session's log in the browser: the engine uploads a large log (streamed, gzip'd),
// the admin opens it from the user's statistics at its first error, searches it and jumps to a
// match, opens a #L… permalink with those lines marked, and goes to the tail.
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { ingestionTokenFromSupport } from './support/ingestion-token';
import { signInAt } from './support/sign-in';

const LINES = 120_000;
const FIRST_ERROR = 83_457;
const NEEDLE_LINE = 101_234;
const EMAIL = 'log.reader@acme.test';

function bigLog(): string {
  const lines: string[] = [];
  for (let n = 1; n <= LINES; n++) {
    if (n === FIRST_ERROR) lines.push(`2026-11-30T10:${String(n % 60).padStart(2, '0')}:00Z ERROR Salesforce rejected record 0015g00000AbCdE: "Name too long"`);
    else if (n === NEEDLE_LINE) lines.push(`2026-11-30T10:00:00Z INFO  Contacts: the unmistakable-needle is here`);
    else if (n % 1000 === 0) lines.push(`2026-11-30T10:00:00Z WARN  Emails: retrying after HTTP 503, attempt ${n % 3}`);
    else lines.push(`2026-11-30T10:00:00Z INFO  Emails: mapped record ${(n * 2654435761) % 4294967296} (update), step ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The row of line n, when it is on screen. */
const row = (page: Page, n: number) => page.getByRole('region', { name: 'Log lines' }).getByRole('link', { name: String(n), exact: true });

test('the engine uploads a large log; the admin opens it at its first error, searches it, links to lines and reads the tail', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const token = await ingestionTokenFromSupport(browser);
  const headers = { authorization: `Bearer ${token}` };
  const started = new Date(Date.now() - 3_600_000);
  const batch = {
    users: [{ email: EMAIL, name: 'Log Reader', profileId: 'acme-executives' }],
    sessions: [{ id: 'e2e-big-log', userEmail: EMAIL, startedAt: started.toISOString(), endedAt: new Date(started.getTime() + 60_000).toISOString(), status: 'error', errorCategory: 'Validation', errorSource: 'crm', message: 'Salesforce rejected a record' }],
  };
  const posted = await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers, data: batch });
  expect(posted.status(), await posted.text()).toBe(200);
  const text = bigLog();
  const uploaded = await request.put(`${baseUrl()}/api/ingest/v1/sessions/e2e-big-log/log`, { headers: { ...headers, 'content-type': 'text/plain', 'content-encoding': 'gzip' }, data: gzipSync(text) });
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  expect(await uploaded.json()).toMatchObject({ lines: LINES, firstErrorLine: FIRST_ERROR, sizeBytes: Buffer.byteLength(text) });

  // From the user's statistics: View log.
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAt(page, `/users?q=${encodeURIComponent(EMAIL)}`, 'admin@acme.test');
  await page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: 'Log Reader', exact: true }).click();
  await page.getByRole('grid', { name: /^Sync sessions of/ }).getByRole('link', { name: /^View log of the session/ }).first().click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]+\/log$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Session log' })).toBeVisible();
  await expect(page.getByText('Salesforce rejected a record')).toBeVisible();

  // It opens at the first error, the line marked as one.
  await expect(row(page, FIRST_ERROR)).toBeVisible();
  const errorRow = row(page, FIRST_ERROR).locator('..');
  await expect(errorRow).toHaveAttribute('data-level', 'error');
  await expect(page.getByRole('button', { name: `First error (line ${FIRST_ERROR.toLocaleString('en-US')})` })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Errors and warnings' }).getByText('Salesforce rejected record <id>: "…"')).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'log-viewer-first-error');

  // Search a text that is once in the log: the count, and the view at its line.
  await page.getByRole('textbox', { name: 'Search the log' }).fill('UNMISTAKABLE-needle');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/^1 of 1 matching lines$/)).toBeVisible({ timeout: 30_000 });
  await expect(row(page, NEEDLE_LINE)).toBeVisible();
  await expect(row(page, NEEDLE_LINE).locator('..').locator('mark')).toHaveText('unmistakable-needle');
  await saveScreenshot(page, 'log-viewer-search');

  // Start, then Tail.
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(row(page, 1)).toBeVisible();
  await page.getByRole('button', { name: 'Tail' }).click();
  await expect(row(page, LINES)).toBeVisible();
  await expect(row(page, LINES + 1)).toHaveCount(0);

  // Selecting lines puts them in the address; the link opens there with them marked.
  await row(page, LINES - 3).click();
  await row(page, LINES - 1).click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(new RegExp(`#L${LINES - 3}-L${LINES - 1}$`));
  const permalink = `${page.url().replace(/#.*$/, '')}#L55000-L55002`;
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(permalink);
  for (const n of [55_000, 55_001, 55_002]) await expect(row(other, n).locator('..')).toHaveAttribute('data-selected', 'true');
  await expect(row(other, 54_999).locator('..')).not.toHaveAttribute('data-selected', 'true');
  await saveScreenshot(other, 'log-viewer-permalink-1280');
  // ?line= from a server-made link.
  await other.goto(`${page.url().replace(/#.*$/, '')}?line=7000`);
  await expect(row(other, 7000).locator('..')).toHaveAttribute('data-selected', 'true');

  // On a phone the viewer fits the window and still reads.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAt(phone, new URL(page.url()).pathname, 'admin@acme.test');
  await expect(row(phone, FIRST_ERROR)).toBeVisible();
  const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await expectAccessible(phone);
  await saveScreenshot(phone, 'log-viewer-390');
});
