// The overview's period: whole UTC days ending today (the rollups are daily), 1, 7 (default),
// 30 or 90 of them, as `?days=` in the URL. Links into the lists carry it as bare dates
// (from = the first day, to = the day after today, both 00:00 UTC).
import { z } from 'zod';
import { oneOf } from '@/lib/search/fields';

export const OVERVIEW_DAYS = [1, 7, 30, 90] as const;
export type OverviewDays = (typeof OVERVIEW_DAYS)[number];

export interface OverviewPeriod {
  days: OverviewDays;
  /** First day, YYYY-MM-DD (UTC). */
  from: string;
  /** The day after the last one, YYYY-MM-DD: the exclusive end. */
  to: string;
  /** Every day of the period, oldest first. */
  dayList: string[];
}

const dayText = (time: number) => new Date(time).toISOString().slice(0, 10);

export function overviewPeriod(days: OverviewDays, now = new Date()): OverviewPeriod {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayList = Array.from({ length: days }, (_, i) => dayText(today - (days - 1 - i) * 86_400_000));
  return { days, from: dayList[0]!, to: dayText(today + 86_400_000), dayList };
}

/** `?days=` of the overview: 7 when absent. */
export const overviewSearch = (now = new Date()) =>
  z.object({ days: oneOf('days', OVERVIEW_DAYS.map(String)) }).transform(({ days }) => overviewPeriod(days ? (Number(days) as OverviewDays) : 7, now));
