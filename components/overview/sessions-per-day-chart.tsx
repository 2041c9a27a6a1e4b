'use client';
// Sessions per day, stacked by status in the status colours. The same figures are in the table
// beside it (for screen readers and copying).
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';

export function SessionsPerDayChart({ days, statuses }: { days: { day: string; counts: Record<SessionStatus, number> }[]; statuses: readonly SessionStatus[] }) {
  const theme = useTheme();
  const colours: Record<SessionStatus, string> = {
    ready: theme.palette.grey[400],
    started: theme.palette.info.main,
    success: theme.palette.success.main,
    skipped: theme.palette.grey[600],
    canceled: theme.palette.warning.main,
    error: theme.palette.error.main,
  };
  return (
    <figure aria-label="Chart of sessions per day by status; the figures are in the table below" style={{ margin: 0 }}>
      <BarChart
        height={280}
        xAxis={[{ scaleType: 'band', data: days.map((d) => d.day.slice(5)) }]}
        series={statuses.map((status) => ({
          id: status,
          label: SESSION_STATUS_LABELS[status],
          data: days.map((d) => d.counts[status]),
          stack: 'sessions',
          color: colours[status],
        }))}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
      />
    </figure>
  );
}
