// Signed-in browser contexts of the demo accounts, made once per test file.
import type { Browser, BrowserContext } from '@playwright/test';
import { signInAt } from './sign-in';

export const DEMO_ACCOUNTS = ['admin@acme.test', 'sales-admin@acme.test', 'admin@globex.test', 'admin@initech.test', 'support@vendor.test'] as const;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

export async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, '/', email);
  await page.close();
  return context;
}
