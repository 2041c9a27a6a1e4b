'use client';
// A time in the organisation's time zone (time-zone-context.tsx), whatever the browser's: every
// admin of a tenant sees the same clock, the one its days are counted in. The server renders
// it as digits (2026-11-30 16:05:09), the browser then in its own language ("11/30/2026,
// 04:05:09 PM"), so the markup never disagrees during hydration. `compact` is the tables' form
// ("Nov 30, 16:05"; the year only when it is not this one), so a date column stays narrow; the
// full time, and UTC, are on hover either way.
import { wallClock } from '@/lib/time/zoned-time';
import { useIsClient } from './use-is-client';
import { useTimeZone } from './time-zone-context';

const FULL: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' };
const COMPACT: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const COMPACT_WITH_YEAR: Intl.DateTimeFormatOptions = { ...COMPACT, year: 'numeric' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(name: string, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${name}/${timeZone}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(undefined, { ...options, timeZone })));
  return found;
}

export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The server's form, in the zone: "2026-11-30 16:05:09" (compact: "2026-11-30 16:05"). */
function formatDigits(date: Date, timeZone: string, compact: boolean): string {
  const wall = wallClock(date, timeZone).replace('T', ' ');
  return compact ? wall.slice(0, 16) : wall;
}

function formatLocal(date: Date, timeZone: string, compact: boolean): string {
  if (!compact) return formatter('full', FULL, timeZone).format(date);
  const thisYear = wallClock(new Date(), timeZone).slice(0, 4) === wallClock(date, timeZone).slice(0, 4);
  return formatter(thisYear ? 'compact' : 'compactYear', thisYear ? COMPACT : COMPACT_WITH_YEAR, timeZone).format(date);
}

export function LocalDateTime({ iso, compact = false }: { iso: string | null; compact?: boolean }) {
  const isClient = useIsClient();
  const timeZone = useTimeZone();
  if (!iso) return <span aria-label="none">—</span>;
  const date = new Date(iso);
  const text = isClient ? formatLocal(date, timeZone, compact) : formatDigits(date, timeZone, compact);
  return (
    <time dateTime={iso} title={`${isClient ? formatter('full', FULL, timeZone).format(date) : formatDigits(date, timeZone, false)} ${timeZone} (${formatUtc(iso)})`} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </time>
  );
}

/** The label of time columns: which zone the times are shown in. */
export function TimeZoneLabel() {
  return <>{useTimeZone()}</>;
}
