// The audit log page body shared by /audit and /support/audit.
import { ForwardPager } from '@/components/lists/forward-pager';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SimpleTable } from '@/components/tables/simple-table';
import { LocalDateTime, TimeZoneLabel } from '@/components/time/local-date-time';
import type { AuditAction } from '@/lib/audit/audit-actions';
import type { AuditEventRow } from '@/lib/audit/list-audit-events';
import type { AuditLogData } from '@/lib/audit/load-audit-log';
import { AuditFilters } from './audit-filters';

function describeChange(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${key}: ${Array.isArray(v) ? v.join(', ') || '—' : String(v)}`)
    .join('; ');
}

/** The target; a bulk action's users ("9 users") are a download of their list. */
function describeTarget(e: AuditEventRow) {
  const label = e.targetLabel ?? e.targetType;
  if (e.targetType !== 'users') return label;
  return (
    <Link href={`/api/audit/events/${e.id}/users.csv`} download aria-label={`Download the list of the ${label} (CSV)`}>
      {label} (CSV)
    </Link>
  );
}

export interface AuditLogViewProps extends AuditLogData {
  title: string;
  showTenant: boolean;
  actions: AuditAction[];
}

export function AuditLogView({ title, showTenant, actions, params, now, result }: AuditLogViewProps) {
  const columns = [
    { header: <>Time (<TimeZoneLabel />)</>, cell: (e: AuditEventRow) => <LocalDateTime iso={e.occurredAt} /> },
    ...(showTenant ? [{ header: 'Tenant', cell: (e: AuditEventRow) => e.tenantName }] : []),
    { header: 'Actor', cell: (e: AuditEventRow) => e.actorLabel },
    { header: 'Action', cell: (e: AuditEventRow) => e.actionLabel },
    { header: 'Target', cell: describeTarget },
    { header: 'Before', cell: (e: AuditEventRow) => describeChange(e.before) },
    { header: 'After', cell: (e: AuditEventRow) => describeChange(e.after) },
    { header: 'Reason', cell: (e: AuditEventRow) => e.reason ?? '—' },
  ];
  return (
    <Stack spacing={2}>
      <Typography variant="h1">{title}</Typography>
      <AuditFilters params={params} actions={actions} now={now} />
      {result.ok ? (
        <>
          <SimpleTable label={title} rows={result.page.rows} rowKey={(e) => e.id} empty="No audit events match these filters." columns={columns} />
          <ForwardPager firstHref={result.firstHref} nextHref={result.nextHref} />
        </>
      ) : (
        <Alert severity="warning">{result.message}</Alert>
      )}
    </Stack>
  );
}
