// Each identity provider signs an admin in, through its own sign-in page, with its own
// issuer shape and claims; the same email from an issuer the tenant does not trust is refused.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl } from './support/page-checks';

async function signInWith(page: Page, providerButton: string, email: string, path = '/') {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('button', { name: `Sign in with ${providerButton}` }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === baseUrl());
}

const CASES = [
  { provider: 'Microsoft Entra ID', email: 'admin@globex.test', expect: 'Globex · Platform admin' },
  { provider: 'Google', email: 'admin@acme.test', expect: 'Acme · Platform admin' },
  { provider: 'Salesforce', email: 'sales-admin@acme.test', expect: 'Acme · Profile admin' },
  { provider: 'Vendor SSO', email: 'support@vendor.test', expect: 'Support' },
];

for (const c of CASES) {
  test(`${c.provider} signs ${c.email} in`, async ({ page }) => {
    await signInWith(page, c.provider, c.email);
    await expect(page.getByTestId('signed-in-admin')).toContainText(c.email);
    await expect(page.getByTestId('signed-in-admin')).toContainText(c.expect);
  });
}

test('the same email from an issuer its tenant does not trust maps to nobody', async ({ page }) => {
  // Globex trusts its Entra ID only; Google also knows admin@globex.test, verified.
  await signInWith(page, 'Google', 'admin@globex.test');
  await expect(page).toHaveURL(/\/no-access\?reason=unknown-identity/);
  await expect(page.getByTestId('signed-in-admin')).toHaveCount(0);
});
