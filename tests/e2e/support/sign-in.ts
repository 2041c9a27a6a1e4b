// Signs in through the real SSO flow: the panel's sign-in page, the demo IdP's own form, and
// back to where the browser was going.
import { expect, type Page } from '@playwright/test';
import { baseUrl } from './page-checks';

export const DEMO_PASSWORD = 'demo';

export async function signInAt(page: Page, path: string, email: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole('button', { name: 'Sign in with Demo SSO' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === baseUrl());
}
