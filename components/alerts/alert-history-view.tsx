// The alert history's body: the filters, the notifications (each subject linked to its page),
// and the paging links.
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ListFilters } from '@/components/filters/list-filters';
import { ForwardPager } from '@/components/lists/forward-pager';
import { SimpleTable } from '@/components/tables/simple-table';
import { LocalDateTime, TimeZoneLabel } from '@/components/time/local-date-time';
import { DELIVERY_STATUS_LABELS, NOTIFICATION_EVENT_LABELS } from '@/lib/alerts/alert-history-search';
import type { AlertHistoryRow } from '@/lib/alerts/list-alert-history';
import type { AlertHistoryData } from '@/lib/alerts/load-alert-history';
import { alertHistoryFilterSections } from '@/lib/search/filter-sections';

function Subject({ row }: { row: AlertHistoryRow }) {
  if (row.user) return <Link href={`/users/${row.user.id}`}>{row.user.name}</Link>;
  if (row.profile) return <Link href={`/profiles/${row.profile.id}/statistics`}>{row.profile.name}</Link>;
  if (row.event === 'digest') return <>Several (digest)</>;
  if (row.event === 'test') return <>—</>;
  return <Link href="/">The organisation</Link>;
}

function Delivery({ row }: { row: AlertHistoryRow }) {
  const label = DELIVERY_STATUS_LABELS[row.status];
  if (row.status === 'sent' && row.sentAt) return <>{label}</>;
  if (row.nextAttemptAt && row.status === 'retrying')
    return (
      <>
        {label}, next <LocalDateTime iso={row.nextAttemptAt} compact />
      </>
    );
  return <>{label}</>;
}

export function AlertHistoryView({ params, now, rules, channels, result }: AlertHistoryData) {
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Alert history</Typography>
      <Typography color="text.secondary">
        Every notification the rules sent, or are sending, with the receiver&apos;s answer. <Link href="/alerts">Rules and channels</Link>
      </Typography>
      <ListFilters params={params} sections={alertHistoryFilterSections(rules, channels)} period={{ presetBase: now }} />
      {result.ok ? (
        <>
          <SimpleTable
            label="Alert history"
            rows={result.page.rows}
            rowKey={(row) => row.id}
            empty="No notification matches these filters."
            columns={[
              { header: <>Time (<TimeZoneLabel />)</>, cell: (row) => <LocalDateTime iso={row.createdAt} /> },
              { header: 'Event', cell: (row) => NOTIFICATION_EVENT_LABELS[row.event] },
              { header: 'Rule', cell: (row) => row.ruleName ?? '—' },
              { header: 'Subject', cell: (row) => <Subject row={row} /> },
              { header: 'Channel', cell: (row) => row.channelName },
              { header: 'Status', cell: (row) => <Delivery row={row} /> },
              { header: 'Attempts', cell: (row) => row.attempts },
              { header: 'Answer', cell: (row) => (row.responseCode ?? '—') + (row.lastError && row.status !== 'sent' ? ` (${row.lastError})` : '') },
            ]}
          />
          <ForwardPager firstHref={result.firstHref} nextHref={result.nextHref} />
        </>
      ) : (
        <Alert severity="warning">{result.message}</Alert>
      )}
    </Stack>
  );
}
