// The page-weight budget: each list page's HTML (25 rows, the demo data, signed in as a platform
// admin) may not grow past its budget. The budgets are today's sizes with a little room; the goal
// is 60 KB a list page (BENCHMARKS.md, "Page weight"): lower a budget whenever a page gets lighter.
// The MUI component styles come from app/component-styles.css; a page inlines only the classes
// that catalogue lacks, so a change of styles without `npm run styles:catalogue` shows here.
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
    ['users', '/users', 42 * KB],
    ['profiles', '/profiles', 29 * KB],
    ['user statistics', `${userPath}/statistics`, 52 * KB],
    ['profile statistics', `${profilePath}/statistics`, 52 * KB],
    ['user sync issues', `${userPath}/sync-issues`, 49 * KB],
    ['overview', '/', 172 * KB],
  ];
  const over: string[] = [];
  const uncatalogued: string[] = [];
  for (const [name, path, budget] of budgets) {
    const response = await page.request.get(`${baseUrl()}${path}`);
    expect(response.status(), `${name} answered`).toBe(200);
    const html = await response.text();
    const bytes = Buffer.byteLength(html);
    if (bytes > budget) over.push(`${name}: ${(bytes / KB).toFixed(1)} KB, budget ${budget / KB} KB`);
    const inlined = [...html.matchAll(/<style[^>]*data-emotion="mui ([^"]+)"/g)].flatMap((match) => match[1]!.split(' '));
    if (inlined.length > 0) uncatalogued.push(`${name}: ${inlined.join(' ')}`);
  }
  expect(uncatalogued, 'component styles inlined because app/component-styles.css lacks them: run `npm run styles:catalogue`').toEqual([]);
  expect(over).toEqual([]);
});
