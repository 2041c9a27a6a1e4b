// Alerts in the browser: an admin adds a webhook (its secret shown once), sends it a test that a
// local receiver gets signed with that secret, creates a rule telling it and turns it on; then
// removes both. The receiver runs in the test, on 127.0.0.1 (demo mode allows it).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectAccessible, saveScreenshot } from './support/page-checks';
import { signInAt } from './support/sign-in';

const run = Date.now().toString(36);
const CHANNEL = `Ops hook ${run}`;
const RULE = `Users in error ${run}`;

test('an admin adds a webhook, sends it a test, and creates a rule that tells it', async ({ page }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await signInAt(page, '/alerts', 'admin@acme.test');
    const webhookForm = page.getByRole('form', { name: 'New webhook' });
    await expect(async () => {
      await webhookForm.getByRole('textbox', { name: 'Name' }).fill(CHANNEL);
      await webhookForm.getByRole('textbox', { name: 'Webhook URL' }).fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
      await webhookForm.getByRole('button', { name: 'Add webhook' }).click();
      await expect(webhookForm.getByRole('status')).toContainText('shown only now', { timeout: 3_000 });
    }).toPass();
    const secret = (await webhookForm.getByRole('status').innerText()).split(': ').at(-1)!.trim();

    const channels = page.getByRole('table', { name: 'Alert channels' });
    const channelRow = channels.getByRole('row').filter({ hasText: CHANNEL });
    await channelRow.getByRole('button', { name: `Send test ${CHANNEL}` }).click();
    await expect(channelRow.getByRole('status')).toHaveText('Test sent: the receiver answered 204.');
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-sync-admin-signature']).toBe(`sha256=${createHmac('sha256', secret).update(received[0]!.body).digest('hex')}`);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'test', tenant: { name: 'Acme' } });

    const ruleForm = page.getByRole('form', { name: 'New rule' });
    await ruleForm.getByRole('textbox', { name: 'Name' }).fill(RULE);
    await ruleForm.getByRole('checkbox', { name: CHANNEL }).check();
    await ruleForm.getByRole('button', { name: 'Create rule' }).click();
    await expect(ruleForm.getByRole('status')).toContainText('It is off until you turn it on.');
    const ruleRow = page.getByRole('table', { name: 'Alert rules' }).getByRole('row').filter({ hasText: RULE });
    await expect(ruleRow).toContainText(CHANNEL);
    await expect(ruleRow).toContainText('Off');
    await ruleRow.getByRole('button', { name: `Turn on ${RULE}` }).click();
    await expect(ruleRow.getByRole('cell', { name: 'On', exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'alerts');

    // Leave the demo as it was (the rule would tell a receiver that is gone).
    await ruleRow.getByRole('button', { name: `Delete ${RULE}` }).click();
    await expect(page.getByRole('table', { name: 'Alert rules' }).getByRole('row').filter({ hasText: RULE })).toHaveCount(0);
    await channelRow.getByRole('button', { name: `Delete ${CHANNEL}` }).click();
    await expect(channels.getByRole('row').filter({ hasText: CHANNEL })).toHaveCount(0);
  } finally {
    server.close();
  }
});
