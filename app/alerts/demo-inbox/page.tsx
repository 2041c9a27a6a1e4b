// /alerts/demo-inbox — demo mode only: what the demo's webhook receiver and mailbox received
// from the alert rules, newest first, so the feature can be seen working without any outside
// service. Each webhook's signature is checked as a real receiver would.
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SimpleTable } from '@/components/tables/simple-table';
import { LocalDateTime, TimeZoneLabel } from '@/components/time/local-date-time';
import { isDemoMode } from '@/config/env';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { listDemoInbox } from '@/lib/demo-receivers/demo-inbox';

export const metadata: Metadata = { title: 'Demo inbox' };

export default async function DemoInboxPage() {
  if (!isDemoMode()) notFound();
  const viewer = await requireTenantViewer();
  const messages = await listDemoInbox(viewer);
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Demo inbox</Typography>
      <Alert severity="info">
        Demo mode: the channels “Demo webhook receiver” and “Demo mailbox” deliver to the panel itself, and this page shows what arrived. A real installation
        sends to your webhooks and mail server instead. <Link href="/alerts">Alert rules</Link> · <Link href="/alerts/history">Alert history</Link>
      </Alert>
      <SimpleTable
        label="Received messages"
        rows={messages}
        rowKey={(message) => message.id}
        empty="Nothing received yet. Turn on a rule that tells a demo channel, or send a demo channel a test."
        columns={[
          { header: <>Received (<TimeZoneLabel />)</>, cell: (message) => <LocalDateTime iso={message.receivedAt} /> },
          { header: 'Via', cell: (message) => (message.via === 'email' ? 'Email' : 'Webhook') },
          { header: 'Message', cell: (message) => <span style={{ overflowWrap: 'anywhere' }}>{message.summary}</span> },
          { header: 'Signature', cell: (message) => (message.signatureValid === null ? '—' : message.signatureValid ? 'Valid' : 'Not valid') },
          {
            header: 'Content',
            cell: (message) => (
              <details>
                <summary>Show</summary>
                <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '60ch', margin: 0 }}>{message.detail}</pre>
              </details>
            ),
          },
        ]}
      />
    </Stack>
  );
}
