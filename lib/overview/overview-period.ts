// The overview's period: whole days in the organisation's time zone ending today (the rollups
// count the same days), 1, 7 (default), 30 or 90 of them, as `?days=` in the URL. Links into
// the lists carry it as the instants those days start and end at there.
import { z } from 'zod';
import { oneOf } from '@/lib/search/fields';
import { addDays, dayIn, startOfDayIn } from '@/lib/time/zoned-time';

export const OVERVIEW_DAYS = [1, 7, 30, 90] as const;
export type OverviewDays = (typeof OVERVIEW_DAYS)[number];

export interface OverviewPeriod {
  days: OverviewDays;
  /** The organisation's time zone, in which the days are counted. */
  timeZone: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** The day after the last one, YYYY-MM-DD: the exclusive end. */
  to: string;
  /** Every day of the period, oldest first. */
  dayList: string[];
  /** When the first day starts and the last one ends in the zone, ISO 8601 (UTC). */
  fromInstant: string;
  toInstant: string;
}

export function overviewPeriod(days: OverviewDays, timeZone: string, now = new Date()): OverviewPeriod {
  const today = dayIn(timeZone, now);
  const dayList = Array.from({ length: days }, (_, i) => addDays(today, i - (days - 1)));
  const to = addDays(today, 1);
  return {
    days,
    timeZone,
    from: dayList[0]!,
    to,
    dayList,
    fromInstant: startOfDayIn(timeZone, dayList[0]!).toISOString(),
    toInstant: startOfDayIn(timeZone, to).toISOString(),
  };
}

/** `?days=` of the overview: 7 when absent. */
export const overviewSearch = (timeZone: string, now = new Date()) =>
  z
    .object({ days: oneOf('days', OVERVIEW_DAYS.map(String)) })
    .transform(({ days }) => overviewPeriod(days ? (Number(days) as OverviewDays) : 7, timeZone, now));
