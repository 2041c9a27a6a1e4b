// The settings procedure: force a setting on the Sales profile, find it locked on a Sales
// user's Settings tab, set a user's own value of an unforced one, and find both in the audit log.
import { expect, test } from '@playwright/test';
import { expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

test('a forced profile setting is locked on the user; an unforced one takes the user\'s own value; both are audited', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/settings$/);

  const row = page.getByRole('row', { name: /Auto-save emails/ });
  await row.getByRole('combobox', { name: 'Auto-save emails value' }).selectOption({ label: 'On' });
  await expect(page.getByRole('alert').filter({ hasText: /Saved|Nothing changed/ })).toBeVisible();
  const force = row.getByRole('switch', { name: 'Force Auto-save emails' }).or(row.getByRole('checkbox', { name: 'Force Auto-save emails' }));
  if (!(await force.isChecked())) await force.click();
  await expect(force).toBeChecked();
  await expect(row).toContainText('Forced');
  await expectAccessible(page);
  await saveScreenshot(page, 'profile-settings');

  // After a reload the profile still forces it.
  await page.reload();
  await expect(page.getByRole('row', { name: /Auto-save emails/ }).getByRole('combobox')).toHaveValue('true');
  await expect(page.getByRole('row', { name: /Auto-save emails/ })).toContainText('Forced');

  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]+\/users/);
  await page.getByRole('grid', { name: /Users/ }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]+/);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]+\/settings$/);
  const locked = page.getByRole('row', { name: /Auto-save emails/ });
  await expect(locked).toContainText('On');
  await expect(locked).toContainText('Forced by the profile');
  await expect(locked).toContainText('Locked: the profile forces this setting.');
  await expect(locked.getByRole('combobox')).toHaveCount(0);

  const interval = page.getByRole('row', { name: /Sync interval/ });
  await interval.getByRole('combobox', { name: "Sync interval: user's own value" }).selectOption({ label: 'Every hour' });
  await expect(interval).toContainText("User's own value");
  await expect(interval).toContainText('Every hour');
  await expectAccessible(page);
  await saveScreenshot(page, 'user-settings');
  // Back to the profile's value.
  await interval.getByRole('combobox', { name: "Sync interval: user's own value" }).selectOption({ index: 0 });
  await expect(interval).toContainText("Profile's default");

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByText('Profile setting changed').first()).toBeVisible();
  await expect(page.getByText('User setting changed').first()).toBeVisible();
});
