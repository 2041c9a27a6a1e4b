// Days and wall-clock times in an organisation's time zone (an IANA name such as
// "America/Los_Angeles"), for the server and the browser alike: what "today" is there, when a
// day starts there as an instant, and what a datetime-local field shows or means there. Only
// Intl: the zone rules are the runtime's, the same that PostgreSQL's `at time zone` applies.

export const DEFAULT_TIME_ZONE = 'UTC';

/** Every zone an organisation can choose: the runtime's IANA names, and UTC. */
export function timeZoneNames(): string[] {
  return [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone').filter((name) => name !== DEFAULT_TIME_ZONE)];
}

export function isTimeZone(name: string): boolean {
  return name === DEFAULT_TIME_ZONE || Intl.supportedValuesOf('timeZone').includes(name);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** "2026-11-30T16:05:09": the wall clock in `zone` at `date`. */
export function wallClock(date: Date, zone: string): string {
  const parts = Object.fromEntries(partsFormatter(zone).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The day (YYYY-MM-DD) it is in `zone` at `date`. */
export const dayIn = (zone: string, date: Date = new Date()): string => wallClock(date, zone).slice(0, 10);

/** What a datetime-local field shows for `date` in `zone`: "2026-11-30T16:05". */
export const wallTimeIn = (zone: string, date: Date): string => wallClock(date, zone).slice(0, 16);

/** The day `count` days after `day` (before, if negative). */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time ("2026-11-30", "2026-11-30T16:05") has in `zone`. A time that
 * a change to summer time skips counts as the moment after the gap; one that the change back
 * repeats, as its first occurrence.
 */
export function instantOfWallTime(zone: string, wall: string): Date {
  const full = wall.length === 10 ? `${wall}T00:00:00` : wall.length === 16 ? `${wall}:00` : wall;
  const asUtc = Date.parse(`${full}Z`);
  const offsetAt = (instant: number) => Date.parse(`${wallClock(new Date(instant), zone)}Z`) - instant;
  // The zone's offset one day either side of the guess decides which side of a change we are on.
  const first = asUtc - offsetAt(asUtc - 86_400_000);
  const second = asUtc - offsetAt(asUtc + 86_400_000);
  const fits = (instant: number) => wallClock(new Date(instant), zone) === full;
  if (fits(first) && fits(second)) return new Date(Math.min(first, second));
  if (fits(first)) return new Date(first);
  if (fits(second)) return new Date(second);
  // In a gap: the later offset applied to the wall time lands after the gap.
  return new Date(Math.max(first, second));
}

/** When `day` starts in `zone`. */
export const startOfDayIn = (zone: string, day: string): Date => instantOfWallTime(zone, day);
