// /support/tenants/{id} — one tenant as support sees it: access, admins, profile names, issuers.
import { AppLink } from '@/components/links/app-link';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { StatusChip } from '@/components/status/status-chip';
import { AddAdminForm } from '@/components/support/add-admin-form';
import { PanelAccessForm } from '@/components/support/panel-access-form';
import { RemoveAdminButton } from '@/components/support/remove-admin-button';
import { SimpleTable } from '@/components/tables/simple-table';
import { requireSupportViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { getTenantForSupport } from '@/lib/support/tenant-admins';
import { ROLE_LABELS } from '@/components/shell/navigation';
import { IngestionTokensPanel } from '@/components/support/ingestion-tokens-panel';
import { listIngestionTokens } from '@/lib/ingest/ingestion-tokens';
import { addTenantAdminAction, createTokenAction, removeTenantAdminAction, revokeTokenAction, setPanelAccessAction } from './actions';

export const metadata: Metadata = { title: 'Tenant' };

export default async function SupportTenantPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireSupportViewer();
  const { id } = await params;
  const tenant = await orNotFound(getTenantForSupport(viewer, id));
  const tokens = (await listIngestionTokens(viewer, tenant.id)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null,
  }));
  return (
    <Stack spacing={3}>
      <Breadcrumbs aria-label="breadcrumb">
        <AppLink href="/support">
          Tenants
        </AppLink>
        <Typography color="text.primary">{tenant.name}</Typography>
      </Breadcrumbs>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h1">{tenant.name}</Typography>
        <StatusChip label={tenant.panelAccessGranted ? 'Panel access granted' : 'No panel access'} tone={tenant.panelAccessGranted ? 'good' : 'bad'} />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          Panel access
        </Typography>
        <PanelAccessForm tenantId={tenant.id} tenantName={tenant.name} granted={tenant.panelAccessGranted} action={setPanelAccessAction} />
      </Paper>
      <Stack spacing={1}>
        <Typography variant="h2">Admins</Typography>
        <SimpleTable
          label={`Admins of ${tenant.name}`}
          rows={tenant.admins}
          rowKey={(a) => a.id}
          empty="No admins yet."
          columns={[
            { header: 'Email', cell: (a) => a.email },
            { header: 'Name', cell: (a) => a.name },
            { header: 'Role', cell: (a) => ROLE_LABELS[a.role] },
            { header: 'Profiles', cell: (a) => (a.role === 'platform_admin' ? 'All' : a.profileNames.join(', ') || '—') },
            { header: 'Actions', cell: (a) => <RemoveAdminButton tenantId={tenant.id} adminId={a.id} email={a.email} action={removeTenantAdminAction} /> },
          ]}
        />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          Add an admin
        </Typography>
        <AddAdminForm tenantId={tenant.id} profiles={tenant.profiles} action={addTenantAdminAction} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" gutterBottom>
          Ingestion tokens
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          The sync engine reports this tenant&apos;s data to <code>POST /api/ingest/v1/batch</code> with one of these bearer tokens.
        </Typography>
        <IngestionTokensPanel tenantId={tenant.id} tokens={tokens} createAction={createTokenAction} revokeAction={revokeTokenAction} />
      </Paper>
      <Stack spacing={1}>
        <Typography variant="h2">SSO issuers</Typography>
        <Typography color="text.secondary">
          Identities from these issuers may sign in as this tenant&apos;s admins (set with `npm run admin -- issuer add`).
        </Typography>
        <SimpleTable
          label="SSO issuers"
          rows={tenant.issuers}
          rowKey={(i) => i.issuer}
          empty="No issuer configured: nobody of this tenant can sign in."
          columns={[
            { header: 'Issuer', cell: (i) => i.issuer },
            { header: 'Entra tenant id (tid)', cell: (i) => i.entraTenantId ?? '—' },
          ]}
        />
      </Stack>
    </Stack>
  );
}
