// Every page at a laptop's and a phone's width: no page wider than its window; at 1440 and
// 1280 px every default column of a table has its header inside the window (no scrolling
// sideways); at 390 px the navigation hides behind a menu button and the tables scroll inside
// themselves. axe at each width, and a screenshot of each page kept to be looked at. This is where
// every page's axe check lives; the procedure tests run axe only on states of their own (an open
// dialog, a user in error, a page after an action).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, expectLayoutAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

// A laptop's two widths share each page visit (the window is narrowed in place); a phone's has
// its own.
const DESKTOP = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const PHONE = [{ width: 390, height: 844 }];
type Viewport = { width: number; height: number };

const STATISTICS_COLUMNS = ['Synchronization start date', 'Synchronization end date', 'Status', 'Synchronization scope', 'Changes', 'Issues', 'Error category', 'Error source', 'Message', 'Actions'];
const USER_COLUMNS = ['Name', 'Email', 'Synchronization status', 'Effective synchronization status', 'Issues (3 days)', 'Last session'];
const ISSUE_COLUMNS = ['ID', 'Date', 'Type', 'Connectivity', 'Name', 'Operation name', 'Error Code', 'Description', 'Error source', 'Target object ID', 'Log'];

interface PageUnderTest {
  name: string;
  path: string;
  heading: string | RegExp;
  grid?: { label: string | RegExp; columns: string[] };
}

async function signedInPage(browser: Browser, viewport: Viewport, email: string, path = '/'): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signInAt(page, path, email);
  return page;
}

async function hrefOf(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the link has no href');
  return href;
}

/** The pages of Acme's platform admin, and those of the Sales profile's admin (a Sales user's). */
async function pagesToVisit(admin: Page, salesAdmin: Page): Promise<{ admin: PageUnderTest[]; salesAdmin: PageUnderTest[] }> {
  await admin.goto(`${baseUrl()}/profiles`);
  const sales = await hrefOf(admin.getByRole('grid', { name: 'Profiles' }).getByRole('link', { name: 'Sales', exact: true }));
  const profile = sales.replace(/\/users$/, '');
  await salesAdmin.goto(`${baseUrl()}${profile}/users`);
  // A Sales user with sync issues in the last three days (the demo data has several).
  const issuesLink = salesAdmin.getByRole('grid', { name: 'Users of Sales' }).getByRole('link', { name: /^[1-9]\d* sync issues of/ }).first();
  const user = (await hrefOf(issuesLink)).replace(/\/sync-issues.*$/, '');
  const userName = (await issuesLink.getAttribute('aria-label'))!.replace(/^\d+ sync issues of (.*) in 3 days$/, '$1');
  await salesAdmin.goto(`${baseUrl()}${user}/statistics`);
  const sessionLog = await hrefOf(salesAdmin.getByRole('link', { name: /^View log of the session/ }).first());
  return {
    admin: [
      { name: 'overview', path: '/', heading: 'Overview' },
      { name: 'profiles', path: '/profiles', heading: 'Profiles', grid: { label: 'Profiles', columns: ['Profile', 'Synchronization status', 'Users', 'Users in error'] } },
      { name: 'users', path: '/users', heading: 'Users', grid: { label: 'Users', columns: [...USER_COLUMNS.slice(0, 2), 'Profile', ...USER_COLUMNS.slice(2)] } },
      { name: 'audit', path: '/audit', heading: 'Audit log' },
      { name: 'errors', path: '/errors', heading: 'What errors mean' },
      { name: 'organisation', path: '/organisation', heading: 'Organisation' },
      { name: 'alerts', path: '/alerts', heading: 'Alerts' },
      { name: 'alert-history', path: '/alerts/history', heading: 'Alert history' },
      { name: 'demo-inbox', path: '/alerts/demo-inbox', heading: 'Demo inbox' },
    ],
    salesAdmin: [
      { name: 'profile-users', path: `${profile}/users`, heading: 'Sales', grid: { label: 'Users of Sales', columns: USER_COLUMNS } },
      { name: 'profile-statistics', path: `${profile}/statistics`, heading: 'Sales', grid: { label: 'Sync sessions of Sales', columns: ['User ID', ...STATISTICS_COLUMNS] } },
      { name: 'profile-sync-issues', path: `${profile}/sync-issues`, heading: 'Sales' },
      { name: 'profile-settings', path: `${profile}/settings`, heading: 'Sales' },
      { name: 'user-statistics', path: `${user}/statistics`, heading: userName, grid: { label: `Sync sessions of ${userName}`, columns: STATISTICS_COLUMNS } },
      { name: 'user-sync-issues', path: `${user}/sync-issues`, heading: userName, grid: { label: `Sync issues of ${userName}`, columns: ISSUE_COLUMNS } },
      { name: 'user-settings', path: `${user}/settings`, heading: userName },
      { name: 'session-log', path: sessionLog, heading: 'Session log' },
    ],
  };
}

async function expectNoWiderThanWindow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page, 'the page is wider than the window').toBeLessThanOrEqual(widths.window);
}

/** Every named header cell lies inside the window, and the grid has no sideways scrollbar. */
async function expectColumnsInView(grid: Locator, columns: string[], width: number): Promise<void> {
  for (const column of columns) {
    // A sortable header's name ends with its Sort button.
    const header = grid.getByRole('columnheader', { name: new RegExp(`^${column.replace(/[()]/g, '\\$&')}( Sort)?$`) });
    await expect(header, `${column} is shown`).toBeVisible();
    // After the window narrows the grid lays its columns out again: poll until it has.
    await expect.poll(async () => (await header.boundingBox())!.x, { message: `${column} starts inside the window` }).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => {
      const box = (await header.boundingBox())!;
      return box.x + box.width;
    }, { message: `${column} ends inside the window` }).toBeLessThanOrEqual(width);
  }
  await expect(grid.locator('.MuiDataGrid-scrollbar--horizontal'), 'the table scrolls sideways').toHaveCount(0);
}

/** The page at each of `widths` in turn: fits the window, columns in view from 1280 px, axe (the
 *  rules that depend on the layout alone after the first width: the rest see the same DOM). */
async function visit(page: Page, target: PageUnderTest, widths: readonly Viewport[]): Promise<void> {
  await page.setViewportSize(widths[0]!);
  await page.goto(`${baseUrl()}${target.path}`);
  await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
  for (const [index, viewport] of widths.entries()) {
    if (index > 0) await page.setViewportSize(viewport);
    if (target.grid) {
      const grid = page.getByRole('grid', { name: target.grid.label });
      await expect(grid.getByRole('row').nth(1)).toBeVisible();
      if (viewport.width >= 1280) await expectColumnsInView(grid, target.grid.columns, viewport.width);
    }
    await expectNoWiderThanWindow(page);
    await (index === 0 ? expectAccessible(page) : expectLayoutAccessible(page));
    await saveScreenshot(page, `layout-${viewport.width}-${target.name}`);
  }
}

for (const [device, widths] of [['a laptop (1440 and 1280 px)', DESKTOP], ['a phone (390 px)', PHONE]] as const) {
  test(`every admin page on ${device}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await signedInPage(browser, widths[0]!, 'admin@acme.test');
    const salesAdmin = await signedInPage(browser, widths[0]!, 'sales-admin@acme.test');
    const pages = await pagesToVisit(admin, salesAdmin);
    for (const target of pages.admin) await visit(admin, target, widths);
    for (const target of pages.salesAdmin) await visit(salesAdmin, target, widths);
  });

  test(`support pages and sign-in on ${device}`, async ({ browser }) => {
    const signedOut = await (await browser.newContext()).newPage();
    await visit(signedOut, { name: 'login', path: '/login', heading: 'Sign in' }, widths);
    await expect(signedOut.getByRole('button', { name: 'Sign in with Demo SSO' })).toBeVisible();

    const support = await signedInPage(browser, widths[0]!, 'support@vendor.test', '/support');
    await visit(support, { name: 'support', path: '/support', heading: 'Tenants' }, widths);
    const tenant = await hrefOf(support.getByRole('link', { name: 'Acme', exact: true }).first());
    await visit(support, { name: 'support-tenant', path: tenant, heading: /Acme/ }, widths);
    await visit(support, { name: 'support-audit', path: '/support/audit', heading: /audit log/i }, widths);
  });
}

test('at 390 px the navigation is behind a menu button, and the statistics toolbar is whole', async ({ browser }) => {
  const page = await signedInPage(browser, { width: 390, height: 844 }, 'admin@acme.test', '/users');
  const menu = page.getByRole('button', { name: 'Open navigation' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  await expect(navigation).toContainText('admin@acme.test');
  await expectAccessible(page);
  await saveScreenshot(page, 'layout-390-menu');
  await navigation.getByRole('link', { name: 'Profiles' }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  // The users table scrolls inside itself: its later columns are reached without widening the page.
  await page.goto(`${baseUrl()}/users`);
  await expect(page.getByRole('grid', { name: 'Users' }).locator('.MuiDataGrid-scrollbar--horizontal')).toHaveCount(1);
  await expectNoWiderThanWindow(page);

  // Every toolbar button of the statistics is inside the window (none cut to "OWNLOAD").
  const user = await hrefOf(page.getByRole('grid', { name: 'Users' }).getByRole('link').first());
  await page.goto(`${baseUrl()}${user}/statistics`);
  for (const name of [/^Export to CSV$/, /^Download/, /^Columns$/]) {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test('at 1440 px the navigation is in the top bar and marks the current page', async ({ page }) => {
  await signInAt(page, '/profiles', 'admin@acme.test');
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Profiles' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'Open navigation' })).toBeHidden();
  const main = (await page.locator('main').boundingBox())!;
  expect(main.x).toBe(0);
  expect(main.width).toBe(1440);
});
