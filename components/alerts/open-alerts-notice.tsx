// The overview's open alerts: nothing while none is open; otherwise how many, the newest few
// with their subject linked, and the way to the rules and the history.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import { LocalDateTime } from '@/components/time/local-date-time';
import type { OpenAlert } from '@/lib/alerts/open-alerts';

function Subject({ facts }: { facts: OpenAlert['facts'] }) {
  if (facts.user) return <Link href={`/users/${facts.user.id}`}>{facts.user.name}</Link>;
  if (facts.profile) return <Link href={`/profiles/${facts.profile.id}/statistics`}>{facts.profile.name}</Link>;
  return <>the organisation</>;
}

export function OpenAlertsNotice({ alerts, total, totalIsBound }: { alerts: OpenAlert[]; total: number; totalIsBound: boolean }) {
  if (total === 0) return null;
  const count = totalIsBound ? `${total} or more open alerts` : `${total} open alert${total === 1 ? '' : 's'}`;
  return (
    <Alert severity="warning" component="section" aria-label="Open alerts">
      <AlertTitle>{count}</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {alerts.map((alert) => (
          <li key={`${alert.ruleName}|${alert.openedAt}|${alert.facts.user?.id ?? alert.facts.profile?.id ?? 'tenant'}`}>
            {alert.ruleName}: <Subject facts={alert.facts} />, since <LocalDateTime iso={alert.openedAt} compact />
          </li>
        ))}
      </ul>
      {total > alerts.length && <>And {total - alerts.length}{totalIsBound ? ' or more' : ''} more. </>}
      <Link href="/alerts">Alert rules</Link> · <Link href="/alerts/history">Alert history</Link>
    </Alert>
  );
}
