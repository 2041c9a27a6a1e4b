// While a new time zone's recount runs: what the pages count in meanwhile, said where days are
// counted (the overview) and where the zone is chosen (the organisation page).
import Alert from '@mui/material/Alert';
import { LocalDateTime } from '@/components/time/local-date-time';
import type { TenantTimeZone } from '@/lib/tenants/tenant-time-zone';

export function TimeZoneRecount({ zone }: { zone: TenantTimeZone }) {
  if (!zone.pending) return null;
  return (
    <Alert severity="info" role="status">
      The figures are being recounted for the new time zone, {zone.pending.timeZone} (asked at <LocalDateTime iso={zone.pending.since} />). Until
      that is done, every page still counts days in {zone.timeZone}. Reload the page in a minute to see it done.
    </Alert>
  );
}
