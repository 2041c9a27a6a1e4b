// Where the demo's webhook receiver listens on the panel itself, and the demo mailbox's address.
export const DEMO_WEBHOOK_PATH = '/api/demo-receiver/webhook';
export const DEMO_MAILBOX = 'alerts@demo-mailbox.test';
