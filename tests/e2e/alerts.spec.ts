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

    // Edit it: another condition, with its own figure.
    await ruleRow.getByRole('link', { name: `Edit ${RULE}` }).click();
    const editForm = page.getByRole('form', { name: `Edit rule ${RULE}` });
    await editForm.getByRole('combobox', { name: 'Condition' }).selectOption({ label: 'A user has Error sessions in a row' });
    await editForm.getByRole('spinbutton', { name: 'Error sessions in a row' }).fill('4');
    await editForm.getByRole('button', { name: 'Save rule' }).click();
    await expect(editForm.getByRole('status')).toHaveText(`Rule “${RULE}” saved.`);
    await expect(ruleRow).toContainText('A user has 4 Error sessions since their last Success or Skipped one');

    // The test is in the history, with the receiver's answer.
    await page.getByRole('link', { name: 'alert history' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alert history' })).toBeVisible();
    const testRow = page.getByRole('table', { name: 'Alert history' }).getByRole('row').filter({ hasText: CHANNEL });
    await expect(testRow).toContainText('Test');
    await expect(testRow).toContainText('Sent');
    await expect(testRow).toContainText('204');
    await expectAccessible(page);
    await saveScreenshot(page, 'alert-history');
    await page.getByRole('link', { name: 'Rules and channels' }).click();

    // Leave the demo as it was (the rule would tell a receiver that is gone).
    await ruleRow.getByRole('button', { name: `Delete ${RULE}` }).click();
    await expect(page.getByRole('table', { name: 'Alert rules' }).getByRole('row').filter({ hasText: RULE })).toHaveCount(0);
    await channelRow.getByRole('button', { name: `Delete ${CHANNEL}` }).click();
    await expect(channels.getByRole('row').filter({ hasText: CHANNEL })).toHaveCount(0);
  } finally {
    server.close();
  }
});

test('the demo channels deliver to the demo inbox: a signed webhook and an email', async ({ page }) => {
  await signInAt(page, '/alerts', 'admin@acme.test');
  const channels = page.getByRole('table', { name: 'Alert channels' });
  const webhookRow = channels.getByRole('row').filter({ hasText: 'Demo webhook receiver' });
  await webhookRow.getByRole('button', { name: 'Send test Demo webhook receiver' }).click();
  await expect(webhookRow.getByRole('status')).toHaveText('Test sent: the receiver answered 200.');
  const mailRow = channels.getByRole('row').filter({ hasText: 'Demo mailbox' });
  await mailRow.getByRole('button', { name: 'Send test Demo mailbox' }).click();
  await expect(mailRow.getByRole('status')).toHaveText('Test sent: the receiver answered 250.');

  await page.getByRole('link', { name: 'demo inbox' }).click();
  const inbox = page.getByRole('table', { name: 'Received messages' });
  const webhook = inbox.getByRole('row').filter({ hasText: 'to the channel “Demo webhook receiver”' }).first();
  await expect(webhook).toContainText('Webhook');
  await expect(webhook).toContainText('Valid');
  await expect(inbox.getByRole('row').filter({ hasText: 'to the channel “Demo mailbox”' }).first()).toContainText('Email');
  await expectAccessible(page);
  await saveScreenshot(page, 'demo-inbox');
});
