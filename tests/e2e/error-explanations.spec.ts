// What each error means, where it appears: a session's message in Statistics opens with its
// explanation; a platform admin's note on a category shows to their admins beside it; the user
// disabled due to an error has theirs on their page; /errors lists them all.
import { expect, test } from '@playwright/test';
import { baseUrl, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test('a session’s error is explained where it appears, with the organisation’s note', async ({ page }) => {
  // A platform admin writes a note on Authorization.
  await signInAt(page, '/errors', 'admin@acme.test');
  const authorization = page.getByRole('article', { name: 'Authorization' });
  await expect(authorization).toContainText('reconnects Salesforce in the add-in');
  const note = `Open a ticket with IT, queue CRM (${Date.now().toString(36)})`;
  await authorization.getByLabel('Your organisation\'s note on Authorization').fill(note);
  await authorization.getByRole('button', { name: 'Save note' }).click();
  await expect(authorization.getByRole('status')).toContainText('Note saved');
  await saveScreenshot(page, 'errors-catalog');

  // A user disabled due to an error: their page says what it means, with the note when it is an Authorization error.
  await page.goto(`${baseUrl()}/users?status=error`);
  await page.getByRole('grid', { name: 'Users' }).getByRole('link').first().click();
  const meaning = page.getByRole('definition').filter({ hasText: 'What you can do:' });
  await expect(meaning).toBeVisible();
  await expect(meaning.getByRole('link', { name: 'What every error means' })).toHaveAttribute('href', '/errors');

  // In Statistics, an Error session's message opens with its explanation.
  const errorRow = page.getByRole('grid').locator('[role="row"][data-id]').filter({ has: page.locator('[data-field="status"]', { hasText: 'Error' }) }).first();
  const category = (await errorRow.locator('[data-field="errorCategory"]').innerText()).trim();
  const dialog = page.getByRole('dialog', { name: 'Message' });
  // A click before the table's script has loaded does nothing: click until the text opens.
  await expect(async () => {
    await errorRow.locator('[data-field="message"]').getByRole('button').click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(dialog).toContainText('What it means:');
  await expect(dialog).toContainText('What you can do:');
  if (category === 'Authorization') await expect(dialog).toContainText(note);
  await saveScreenshot(page, 'session-error-explained');

  // The overview's error categories open theirs too.
  await page.goto(`${baseUrl()}/?days=30`);
  const categories = page.getByRole('table', { name: 'Sessions in error by category' });
  await categories.locator('summary').first().click();
  await expect(categories.getByText('What you can do:').first()).toBeVisible();
});
