// How long sessions, logs and issues are kept: DATA_RETENTION_DAYS (default and minimum 91, so
// the overview's 90-day figures always count rows still there, in any time zone). A day's
// partition is dropped once the whole day is older than that; the batches' items older than the
// first kept day are not stored (they would leave at once), nor those more than a day ahead of
// the panel's clock (each new day is a partition: a wrong clock must not make thousands).
import { env } from '@/config/env';
import { utcDay } from './utc-days';
import { addDays } from '@/lib/time/zoned-time';

export const DAYS_AHEAD = 1;

export interface RetentionWindow {
  retentionDays: number;
  /** The oldest day kept (UTC): partitions of earlier days are dropped. */
  firstKeptDay: string;
  /** The last day a batch may write to. */
  lastWritableDay: string;
}

export function retentionWindow(now: Date = new Date(), retentionDays: number = env().DATA_RETENTION_DAYS): RetentionWindow {
  const today = utcDay(now);
  return { retentionDays, firstKeptDay: addDays(today, -retentionDays), lastWritableDay: addDays(today, DAYS_AHEAD) };
}

export const isWritableDay = (window: RetentionWindow, day: string): boolean => day >= window.firstKeptDay && day <= window.lastWritableDay;
