// The page-weight budget: each list page's HTML (25 rows, the demo data, signed in as a platform
// admin) may not grow past its budget. The budgets are today's sizes with a little room; the goal
// is 60 KB a list page (BENCHMARKS.md, "Page weight"): lower a budget whenever a page gets lighter.
import { expect, test } from '@playwright/test';
import { baseUrl } from './support/page-checks';
import { signInAt } from './support/sign-in';

const KB = 1024;

test('every list page stays within its HTML budget', async ({ page }) => {
  await signInAt(page, '/users', 'admin@acme.test');
  const userPath = (await page.getByRole('grid', { name: 'Users' }).getByRole('link').first().getAttribute('href'))!;
  await page.goto(`${baseUrl()}/profiles`);
  const profilePath = (await page.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }).getAttribute('href'))!.replace(/\/users$/, '');
  const budgets: [string, string, number][] = [
    ['users', '/users', 74 * KB],
    ['profiles', '/profiles', 58 * KB],
    ['user statistics', `${userPath}/statistics`, 103 * KB],
    ['profile statistics', `${profilePath}/statistics`, 108 * KB],
    ['user sync issues', `${userPath}/sync-issues`, 103 * KB],
    ['overview', '/', 200 * KB],
  ];
  const over: string[] = [];
  for (const [name, path, budget] of budgets) {
    const response = await page.request.get(`${baseUrl()}${path}`);
    expect(response.status(), `${name} answered`).toBe(200);
    const bytes = (await response.body()).byteLength;
    if (bytes > budget) over.push(`${name}: ${(bytes / KB).toFixed(1)} KB, budget ${budget / KB} KB`);
  }
  expect(over).toEqual([]);
});
