// What the freshness lines say, from the engine's last report and a moment: one rule for the
// overview's sentence and the page header's short form (components/freshness).
import { formatDistanceStrict } from 'date-fns';
import { wallTimeIn } from '@/lib/time/zoned-time';

export interface ReportedFreshness {
  /** The last batch, ISO; null when the engine never reported. */
  lastBatchAt: string | null;
  /** Past this many minutes without a batch, the data is late. */
  lateAfterMinutes: number;
  /** The longest sync interval in use, in minutes. */
  longestIntervalMinutes: number;
}

export type FreshnessState =
  | { kind: 'never' }
  | { kind: 'fresh' | 'late'; /** "3 minutes ago" */ ago: string; /** "2026-12-01 06:30 UTC", in the organisation's zone */ asOf: string };

export function describeFreshness({ lastBatchAt, lateAfterMinutes }: ReportedFreshness, now: number, timeZone = 'UTC'): FreshnessState {
  if (!lastBatchAt) return { kind: 'never' };
  const last = Date.parse(lastBatchAt);
  return {
    kind: now - last > lateAfterMinutes * 60_000 ? 'late' : 'fresh',
    ago: formatDistanceStrict(last, now, { addSuffix: true }),
    asOf: `${wallTimeIn(timeZone, new Date(last)).replace('T', ' ')} ${timeZone}`,
  };
}
