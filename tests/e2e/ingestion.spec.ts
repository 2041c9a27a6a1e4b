// The sync engine's way in, as a new user tries it: a token from the support console, the
// The documented example batch posted twice, the user visible in the panel, a switch in sync-state.
import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible } from './support/page-checks';
import { DESIGN_EXAMPLE_BATCH } from '../support/design-example-batch';
import { signInAt } from './support/sign-in';

// The documented example batch, under a profile name of its own (the demo data has a Sales already).
const BATCH = { ...DESIGN_EXAMPLE_BATCH, profiles: [{ id: 'engine-profile-id', name: 'Engine Sales' }] };

test('a token from the support console lets the engine report, idempotently, and read the switches', async ({ browser, request }) => {
  const support = await (await browser.newContext()).newPage();
  await signInAt(support, '/support', 'support@vendor.test');
  // The console says how long the installation keeps sessions, logs and issues.
  await expect(support.getByText(/kept for 400 days/)).toBeVisible();
  await support.getByRole('link', { name: 'Acme' }).click();
  await support.getByRole('button', { name: 'Create ingestion token' }).click();
  const token = (await support.getByTestId('new-ingestion-token').textContent())!.trim();
  expect(token).toMatch(/^sap_/);
  await expectAccessible(support);

  const headers = { authorization: `Bearer ${token}` };
  const first = await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers, data: BATCH });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ profiles: 1, users: 1, sessions: 1, issues: 1, outsideRetention: { sessions: 0, issues: 0 } });
  const state = await request.get(`${baseUrl()}/api/ingest/v1/sync-state`, { headers });
  const etag = state.headers().etag!;
  expect((await request.post(`${baseUrl()}/api/ingest/v1/batch`, { headers, data: BATCH })).status()).toBe(200);
  expect((await request.get(`${baseUrl()}/api/ingest/v1/sync-state`, { headers: { ...headers, 'if-none-match': etag } })).status()).toBe(304);

  const admin = await (await browser.newContext()).newPage();
  await signInAt(admin, '/users?q=jane%40acme.test', 'admin@acme.test');
  const grid = admin.getByRole('grid', { name: 'Users' });
  await expect(grid.getByRole('link', { name: 'Jane Roe', exact: true })).toHaveCount(1);
  await expect(grid.getByText('Disabled due to an error')).toBeVisible();
  await expect(grid.getByText('Mailbox rejected the credentials')).toBeVisible();
  await grid.getByRole('link', { name: 'Jane Roe', exact: true }).click();
  await admin.getByRole('button', { name: 'Enable sync' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Enable sync' }).click();
  await expect(admin.getByText('Sync enabled for the user.')).toBeVisible();
  await admin.reload();
  await admin.getByRole('button', { name: 'Disable sync' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Disable sync' }).click();
  await expect(admin.getByText('Sync disabled for the user.')).toBeVisible();

  const changed = await request.get(`${baseUrl()}/api/ingest/v1/sync-state`, { headers: { ...headers, 'if-none-match': etag } });
  expect(changed.status()).toBe(200);
  const jane = (await changed.json()).users.find((u: { email: string }) => u.email === 'jane@acme.test');
  expect(jane).toMatchObject({ profileId: 'engine-profile-id', syncEnabled: false });
  expect((await request.post(`${baseUrl()}/api/ingest/v1/batch`, { data: BATCH })).status()).toBe(401);
});
