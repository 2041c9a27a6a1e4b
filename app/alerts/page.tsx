// /alerts — what the admin wants to hear about without opening the panel: the alert rules
// (platform admins see all of the organisation's, profile admins their own) and the channels
// they tell. docs/alerts.md says what fires and how webhooks are signed.
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { RuleForm } from '@/components/alerts/rule-form';
import { NewEmailForm } from '@/components/alerts/new-email-form';
import { NewWebhookForm } from '@/components/alerts/new-webhook-form';
import { RowActions } from '@/components/alerts/row-actions';
import { SettingsSection, SettingsSubheading } from '@/components/layout/settings-section';
import { SimpleTable } from '@/components/tables/simple-table';
import { LocalDateTime } from '@/components/time/local-date-time';
import { listAlertChannels } from '@/lib/alerts/alert-channels';
import { listAlertRules } from '@/lib/alerts/alert-rules';
import { isEmailConfigured } from '@/lib/alerts/send-email';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { isDemoMode } from '@/config/env';
import { profileChoices } from '@/lib/profiles/profile-choices';
import { changeChannelAction, changeRuleAction } from './actions';

export const metadata: Metadata = { title: 'Alerts' };

const CHANNEL_KIND_LABELS: Record<string, string> = { webhook: 'Webhook', email: 'Email' };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireTenantViewer();
  const [rules, channels, profiles, { edit }] = await Promise.all([listAlertRules(viewer), listAlertChannels(viewer), profileChoices(viewer), searchParams]);
  // ?edit=<rule id>: that rule's form in place of the new rule's (only a rule the viewer manages is listed).
  const edited = typeof edit === 'string' ? rules.find((rule) => rule.id === edit) : undefined;
  const channelChoices = channels.map(({ id, name }) => ({ id, name }));
  const now = Date.now();
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Alerts</Typography>
      <Typography color="text.secondary">
        Be told when users stop synchronizing. A rule opens an alert once when its condition starts to hold for a user and sends one notice when it
        clears; it watches only profiles {viewer.role === 'platform_admin' ? 'of your organisation' : 'you can see'}. Every notification, with the
        receiver&apos;s answer, is in the <Link href="/alerts/history">alert history</Link>.
        {isDemoMode() && (
          <>
            {' '}
            Demo mode: the demo channels deliver to the panel itself; see what they received in the <Link href="/alerts/demo-inbox">demo inbox</Link>.
          </>
        )}
      </Typography>
      <SettingsSection id="rules" title="Rules">
        <SimpleTable
          label="Alert rules"
          rowKey={(rule) => rule.id}
          rows={rules}
          empty="No rule yet."
          columns={[
            { header: 'Name', cell: (rule) => rule.name },
            { header: 'Condition', cell: (rule) => rule.condition },
            { header: 'Profiles', cell: (rule) => (rule.kind === 'engine_silent' ? 'The organisation' : (rule.profileNames?.join(', ') ?? 'All its owner can see')) },
            { header: 'Tells', cell: (rule) => (rule.channelNames.length > 0 ? rule.channelNames.join(', ') : 'no channel') },
            {
              header: 'State',
              cell: (rule) =>
                !rule.enabled ? (
                  'Off'
                ) : rule.mutedUntil && Date.parse(rule.mutedUntil) > now ? (
                  <>
                    On, muted until <LocalDateTime iso={rule.mutedUntil} compact />
                  </>
                ) : (
                  'On'
                ),
            },
            { header: 'Open alerts', cell: (rule) => rule.openAlerts },
            { header: 'Owner', cell: (rule) => rule.ownerLabel ?? 'Suggested: yours once you turn it on or edit it' },
            {
              header: 'Actions',
              cell: (rule) => (
                <RowActions
                  id={rule.id}
                  subject={rule.name}
                  editHref={`/alerts?edit=${rule.id}#rule-form`}
                  action={changeRuleAction}
                  actions={[
                    rule.enabled ? { change: 'off', label: 'Turn off' } : { change: 'on', label: 'Turn on' },
                    rule.mutedUntil && Date.parse(rule.mutedUntil) > now ? { change: 'unmute', label: 'Unmute' } : { change: 'mute', label: 'Mute 24 h' },
                    { change: 'delete', label: 'Delete', danger: true },
                  ]}
                />
              ),
            },
          ]}
        />
        <SettingsSubheading id="rule-form">{edited ? `Edit rule “${edited.name}”` : 'New rule'}</SettingsSubheading>
        <RuleForm key={edited?.id ?? 'new'} profiles={profiles} channels={channelChoices} rule={edited && { id: edited.id, name: edited.name, kind: edited.kind, params: edited.params, profileIds: edited.profileIds, channelIds: edited.channelIds }} />
      </SettingsSection>
      <SettingsSection id="channels" title="Channels">
        <SimpleTable
          label="Alert channels"
          rowKey={(channel) => channel.id}
          rows={channels}
          empty="No channel yet."
          columns={[
            { header: 'Name', cell: (channel) => channel.name },
            { header: 'Kind', cell: (channel) => CHANNEL_KIND_LABELS[channel.kind] ?? channel.kind },
            { header: 'Where', cell: (channel) => <span style={{ overflowWrap: 'anywhere' }}>{channel.target}</span> },
            { header: 'Added by', cell: (channel) => channel.createdByLabel },
            {
              header: 'Actions',
              cell: (channel) => (
                <RowActions
                  id={channel.id}
                  subject={channel.name}
                  action={changeChannelAction}
                  actions={[
                    { change: 'test', label: 'Send test' },
                    { change: 'delete', label: 'Delete', danger: true },
                  ]}
                />
              ),
            },
          ]}
        />
        <SettingsSubheading>New webhook</SettingsSubheading>
        <Typography variant="body2" color="text.secondary">
          The panel posts JSON signed with HMAC-SHA256 under the webhook&apos;s secret (header X-Sync-Admin-Signature); Slack and Teams incoming
          webhooks show its text as it is. The URL must be https and public.
        </Typography>
        <NewWebhookForm />
        <SettingsSubheading>New email channel</SettingsSubheading>
        {isEmailConfigured() ? (
          <NewEmailForm />
        ) : (
          <Typography variant="body2" color="text.secondary">
            Email is not set up on this installation: its operator sets the SMTP server (SMTP_URL) to send alerts by email.
          </Typography>
        )}
      </SettingsSection>
    </Stack>
  );
}
