// An ingestion token for a demo tenant, created the way support does it: in the support console.
import type { Browser } from '@playwright/test';
import { signInAt } from './sign-in';

export async function ingestionTokenFromSupport(browser: Browser, tenant = 'Acme'): Promise<string> {
  const support = await (await browser.newContext()).newPage();
  await signInAt(support, '/support', 'support@vendor.test');
  await support.getByRole('link', { name: tenant }).click();
  await support.getByRole('button', { name: 'Create ingestion token' }).click();
  const token = (await support.getByTestId('new-ingestion-token').textContent())!.trim();
  await support.context().close();
  return token;
}
