import { test } from '@playwright/test';
import { baseUrl } from './support/page-checks';
import { signInAt } from './support/sign-in';
test('probe', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAt(page, '/users?q=log.reader%40acme.test', 'admin@acme.test');
  await page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: 'Log Reader', exact: true }).click();
  const href = await page.getByRole('link', { name: /^View log/ }).first().getAttribute('href');
  await page.goto(baseUrl() + href!);
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => {
    const q = (s: string) => { const e = document.querySelector(s)!; const r = e.getBoundingClientRect(); return `${s}: x=${r.x} w=${r.width} sw=${(e as HTMLElement).scrollWidth}`; };
    return [q('main'), q('[class*=viewer]'), q('[class*=main]'), q('[role=region]'), q('body')].join('\n');
  }));
});
