// /support — the support console: every tenant with its panel access.
import { AppLink } from '@/components/links/app-link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { StatusChip } from '@/components/status/status-chip';
import { SimpleTable } from '@/components/tables/simple-table';
import { LocalDateTime, TimeZoneLabel } from '@/components/time/local-date-time';
import { requireSupportViewer } from '@/lib/auth/require-viewer';
import { listTenantsForSupport } from '@/lib/support/list-tenants';
import { readRetentionState } from '@/lib/support/retention-state';

export const metadata: Metadata = { title: 'Tenants' };

export default async function SupportPage() {
  const viewer = await requireSupportViewer();
  const [tenants, retention] = await Promise.all([listTenantsForSupport(viewer), readRetentionState(viewer)]);
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Tenants</Typography>
      <Typography color="text.secondary">Grant or revoke an organization&apos;s access to the admin panel, and manage its admins.</Typography>
      <SimpleTable
        label="Tenants"
        rows={tenants}
        rowKey={(t) => t.id}
        empty="No tenants yet: create one with `npm run admin -- tenant create`."
        columns={[
          {
            header: 'Tenant',
            cell: (t) => (
              <AppLink href={`/support/tenants/${t.id}`}>
                {t.name}
              </AppLink>
            ),
          },
          { header: 'Slug', cell: (t) => t.slug },
          { header: 'Panel access', cell: (t) => <StatusChip label={t.panelAccessGranted ? 'Granted' : 'Not granted'} tone={t.panelAccessGranted ? 'good' : 'bad'} /> },
          { header: <>Access changed (<TimeZoneLabel />)</>, cell: (t) => <LocalDateTime iso={t.panelAccessChangedAt} /> },
          { header: 'Admins', cell: (t) => t.admins },
          { header: 'Profiles', cell: (t) => t.profiles },
          { header: 'SSO issuers', cell: (t) => t.issuers },
          // A silent engine shows here before its customer notices.
          { header: <>Engine's last report (<TimeZoneLabel />)</>, cell: (t) => (t.lastBatchAt ? <LocalDateTime iso={t.lastBatchAt} /> : 'never') },
        ]}
      />
      <Typography variant="h2">Data retention</Typography>
      <Typography>
        Sync sessions, their logs and sync issues are kept for <strong>{retention.retentionDays} days</strong> (the operator&apos;s
        DATA_RETENTION_DAYS; at least 91). Days before {retention.firstKeptDay} (UTC) leave whole, for every tenant at once, at the next
        scheduled run.{' '}
        {retention.storedDays === 0
          ? 'No day is stored yet.'
          : `Stored now: ${retention.storedDays} days, ${retention.oldestStoredDay} to ${retention.newestStoredDay} (UTC, including the coming days prepared ahead).`}
      </Typography>
    </Stack>
  );
}
