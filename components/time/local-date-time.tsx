'use client';
// A time in the browser's own time zone. The server renders it in UTC (labelled), the browser
// re-renders it locally once mounted, so the markup never disagrees during hydration.
// `compact` is the tables' form ("Nov 30, 14:05"; the year only when it is not this one), so a
// date column stays narrow; the full time, local and UTC, is on hover either way.
import { useIsClient } from './use-is-client';

const fullFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const compactFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const compactFormatWithYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function formatCompactLocal(date: Date): string {
  return (date.getFullYear() === new Date().getFullYear() ? compactFormat : compactFormatWithYear).format(date);
}

function formatCompactUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function LocalDateTime({ iso, compact = false }: { iso: string | null; compact?: boolean }) {
  const isClient = useIsClient();
  if (!iso) return <span aria-label="none">—</span>;
  const date = new Date(iso);
  const text = !isClient ? (compact ? formatCompactUtc(iso) : formatUtc(iso)) : compact ? formatCompactLocal(date) : fullFormat.format(date);
  return (
    <time dateTime={iso} title={isClient ? `${fullFormat.format(date)} (${formatUtc(iso)})` : formatUtc(iso)} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </time>
  );
}

/** The label of time columns: which zone the times are shown in. */
export function TimeZoneLabel() {
  const isClient = useIsClient();
  return <>{isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC'}</>;
}
