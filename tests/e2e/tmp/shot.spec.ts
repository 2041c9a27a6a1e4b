import { test } from '@playwright/test';
import { signInAt } from '../support/sign-in';
test('shots', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  await page.screenshot({ path: '/tmp/shot-profiles.png', fullPage: true });
  await page.goto('http://localhost:3456/users?status=error');
  await page.screenshot({ path: '/tmp/shot-users-error.png', fullPage: true });
  await page.goto('http://localhost:3456/users');
  await page.screenshot({ path: '/tmp/shot-users.png', fullPage: true });
  await page.getByRole('link', { name: 'Next ›' }).click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: '/tmp/shot-users2.png' });
});
