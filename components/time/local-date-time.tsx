'use client';
// A time in the browser's own time zone. The server renders it in UTC (labelled), the browser
// re-renders it locally once mounted, so the markup never disagrees during hydration.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const useIsClient = () => useSyncExternalStore(subscribe, () => true, () => false);

const localFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function LocalDateTime({ iso }: { iso: string | null }) {
  const isClient = useIsClient();
  if (!iso) return <span aria-label="none">—</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {isClient ? localFormat.format(new Date(iso)) : formatUtc(iso)}
    </time>
  );
}

/** The label of time columns: which zone the times are shown in. */
export function TimeZoneLabel() {
  const isClient = useIsClient();
  return <>{isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC'}</>;
}
