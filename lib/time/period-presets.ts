// The period presets of every list with a period (statistics, sync issues, audit), in the
// organisation's time zone: "24 hours" is the rolling last day; "Today", "3 days", "7 days" and
// "30 days" are whole days there ending today, like the overview's periods, so a preset and the
// overview's figure of the same name count the same sessions.
import { addDays, dayIn, startOfDayIn } from './zoned-time';

export interface PeriodPreset {
  label: string;
  /** Rolling hours back from now, or whole days ending today. */
  span: { hours: number } | { days: number };
}

export const PERIOD_PRESETS: PeriodPreset[] = [
  { label: '24 hours', span: { hours: 24 } },
  { label: 'Today', span: { days: 1 } },
  { label: '3 days', span: { days: 3 } },
  { label: '7 days', span: { days: 7 } },
  { label: '30 days', span: { days: 30 } },
];

export function presetRange(preset: PeriodPreset, timeZone: string, now: Date): { from: Date; to: Date } {
  if ('hours' in preset.span) return { from: new Date(now.getTime() - preset.span.hours * 3_600_000), to: now };
  const today = dayIn(timeZone, now);
  return { from: startOfDayIn(timeZone, addDays(today, 1 - preset.span.days)), to: startOfDayIn(timeZone, addDays(today, 1)) };
}

/** A Statistics tab without a period shows the last three days (today and the two before). */
export const defaultStatisticsRange = (timeZone: string, now = new Date()) => presetRange(PERIOD_PRESETS.find((p) => p.label === '3 days')!, timeZone, now);
