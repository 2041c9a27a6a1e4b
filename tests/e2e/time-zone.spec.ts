// One time zone per organisation, in the browser: a platform admin sets it on the Organisation
// page, the overview's figures are recounted (a message says so meanwhile), and then every page
// counts days and shows times there: the overview's days, a list's period fields and presets.
// Globex's own zone is changed here and set back to UTC at the end.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const LA = 'America/Los_Angeles';

async function setZone(page: Page, zone: string) {
  await page.goto(`${baseUrl()}/organisation`);
  await expect(async () => {
    await page.getByRole('combobox', { name: 'Time zone' }).selectOption(zone);
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved\. The figures are being recounted in / })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  // The recount of a demo tenant takes moments: the page stops saying it runs.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/The figures are being recounted for the new time zone/)).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInAt(page, '/organisation', 'admin@globex.test');
  if ((await page.getByRole('combobox', { name: 'Time zone' }).inputValue()) !== 'UTC') await setZone(page, 'UTC');
  await page.close();
});

test('a platform admin sets the time zone, and every page counts its days there', async ({ page }) => {
  await signInAt(page, '/organisation', 'admin@globex.test');
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('UTC');
  await setZone(page, LA);
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(LA);
  await expectAccessible(page);
  await saveScreenshot(page, 'organisation-time-zone');

  // The overview's days are Los Angeles days.
  await page.goto(`${baseUrl()}/?days=1`);
  await expect(page.getByText(`Days are dates in the organisation's time zone, ${LA}`)).toBeVisible();

  // A list's Today preset starts at midnight in Los Angeles, and its fields show that zone's clock.
  const profiles = page.getByRole('grid', { name: 'Profiles' });
  await page.goto(`${baseUrl()}/profiles`);
  await profiles.getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByText(new RegExp(`\\(${LA}\\)`))).toBeVisible();
  await expect(async () => {
    await page.getByRole('group', { name: 'Presets' }).getByRole('link', { name: 'Today', exact: true }).click();
    await expect(page).toHaveURL(/from=/, { timeout: 2_000 });
  }).toPass();
  const from = new URL(page.url()).searchParams.get('from')!;
  // Midnight in Los Angeles is 08:00 UTC in winter and 07:00 in summer.
  expect(from).toMatch(/T0[78]:00:00\.000Z$/);
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue(/T00:00$/);
  await saveScreenshot(page, 'statistics-in-organisation-zone');

  await page.goto(`${baseUrl()}/audit`);
  await expect(page.getByRole('row').filter({ hasText: 'Time zone changed' }).first()).toBeVisible();
});

test('a profile admin may not set the time zone', async ({ page }) => {
  await signInAt(page, '/', 'sales-admin@acme.test');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Organisation' })).toHaveCount(0);
});
