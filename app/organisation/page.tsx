// /organisation — the organisation's own settings (platform admins): its time zone, in which every
// page counts days and shows times, and the overview's figures and the presets are counted.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { SettingsSection } from '@/components/layout/settings-section';
import { TimeZoneForm } from '@/components/organisation/time-zone-form';
import { TimeZoneRecount } from '@/components/organisation/time-zone-recount';
import { requirePlatformAdmin } from '@/lib/auth/require-viewer';
import { getTenantTimeZone } from '@/lib/tenants/tenant-time-zone';
import { timeZoneNames } from '@/lib/time/zoned-time';

export const metadata: Metadata = { title: 'Organisation' };

export default async function OrganisationPage() {
  const viewer = await requirePlatformAdmin();
  const zone = await getTenantTimeZone(viewer.tenantId);
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Organisation</Typography>
      <Typography color="text.secondary">{viewer.tenantName}: settings that hold for every admin and every page of your organisation.</Typography>
      <SettingsSection id="time-zone" title="Time zone">
        <Typography>
          Every page shows times in this zone, whatever the admin&apos;s own computer says, and counts days in it: the overview&apos;s Today, 7, 30
          and 90 days, its chart, and the Today, 3, 7 and 30 days presets of the lists. Downloads keep ISO 8601 times in UTC. A change recounts
          the overview&apos;s figures, which takes a moment for a large organisation.
        </Typography>
        <TimeZoneRecount zone={zone} />
        <TimeZoneForm timeZone={zone.pending?.timeZone ?? zone.timeZone} zones={timeZoneNames()} />
      </SettingsSection>
    </Stack>
  );
}
