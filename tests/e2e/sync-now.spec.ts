// Sync now: an admin asks for a session of a user; the request appears in the engine's feed; the
// engine's session for it is linked on the user's page; a second request within the minute is
// refused with the time it becomes possible.
import { expect, test } from '@playwright/test';
import { ingestionTokenFromSupport } from './support/ingestion-token';
import { baseUrl, expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const run = Date.now().toString(36);
const EMAIL = `sync-now-${run}@acme.test`;

test('Sync now reaches the engine, and the session it starts is linked on the user page', async ({ page, browser, request }) => {
  const token = await ingestionTokenFromSupport(browser);
  const engine = { authorization: `Bearer ${token}` };
  expect((await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers: engine, data: { users: [{ email: EMAIL, name: `Sync Now ${run}`, profileId: 'acme-sales' }] } })).status()).toBe(200);

  await signInAt(page, `/users?q=${encodeURIComponent(EMAIL)}`, 'admin@acme.test');
  await page.getByRole('grid', { name: 'Users' }).getByRole('link', { name: `Sync Now ${run}`, exact: true }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sync requested' })).toBeVisible();
  const fact = page.getByRole('definition').filter({ hasText: 'Sync requested at' });
  await expect(fact).toContainText('by admin@acme.test');
  await expect(fact).toContainText('waiting for the sync engine');
  // Again within the minute: refused, with when it becomes possible.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /possible again at \d\d:\d\d:\d\d UTC/ })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'user-sync-now');
  // The API says the same: 429 with Retry-After.
  const userId = page.url().split('/users/')[1]!.split(/[/?]/)[0]!;
  const again = await page.request.post(`${baseUrl()}/api/users/${userId}/sync-requests`, { headers: { origin: new URL(baseUrl()).origin } });
  expect(again.status()).toBe(429);
  expect(Number(again.headers()['retry-after'])).toBeGreaterThan(0);

  // The engine finds the request in its feed, page by page from the start.
  let after = 0;
  let found: { id: string; userEmail: string; profileId: string } | undefined;
  for (let pages = 0; pages < 50 && !found; pages++) {
    const feed = await request.get(`${baseUrl()}/api/ingest/v1/sync-requests?after=${after}&limit=1000`, { headers: engine });
    expect(feed.status()).toBe(200);
    const body = (await feed.json()) as { requests: { id: string; userEmail: string; profileId: string }[]; next: number };
    found = body.requests.find((r) => r.userEmail === EMAIL);
    if (body.next === after) break;
    after = body.next;
  }
  expect(found).toMatchObject({ userEmail: EMAIL, profileId: 'acme-sales' });
  // It starts a session for it and says so.
  const startedAt = new Date().toISOString();
  const answered = await request.post(`${baseUrl()}/api/ingest/v1/batch`, {
    headers: engine,
    data: { sessions: [{ id: `sync-now-${run}`, userEmail: EMAIL, startedAt, status: 'started', requestId: found!.id }] },
  });
  expect(answered.status()).toBe(200);
  await page.reload();
  await expect(fact).toContainText('started as session');
  await fact.getByRole('link').click();
  await expect(page).toHaveURL(/\/statistics\?from=/);
  await expect(page.getByRole('grid').locator('[role="row"][data-id]')).toHaveCount(1);
});
