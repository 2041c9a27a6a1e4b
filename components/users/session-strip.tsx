'use client';
// A user's last sessions as a strip of marks, oldest first, each a link to that session on the
// Statistics tab. A client component for its weight, not its behaviour: the server sends each
// session as [start in ms, status] and the links are built here, where the page's payload would
// otherwise carry thirty links twice (its HTML and its RSC data).
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { sessionInStatistics } from '@/lib/users/session-link';
import { wallTimeIn } from '@/lib/time/zoned-time';
import { useTimeZone } from '@/components/time/time-zone-context';
import styles from './sync-story.module.css';

export type SessionStripMark = [startedAtMs: number, status: SessionStatus];

export function SessionStrip({ userId, marks }: { userId: string; marks: SessionStripMark[] }) {
  const timeZone = useTimeZone();
  return (
    <ol className={styles.strip}>
      {marks.map(([startedAtMs, status], index) => {
        // In the organisation's zone, the same on the server and in the browser; shown on hover by CSS.
        const label = `${SESSION_STATUS_LABELS[status]}, ${wallTimeIn(timeZone, new Date(startedAtMs)).replace('T', ' ')} ${timeZone}`;
        return (
          <li key={`${startedAtMs}-${index}`}>
            <a href={sessionInStatistics(userId, startedAtMs)} className={`${styles.mark} ${styles[status]}`} aria-label={label} />
          </li>
        );
      })}
    </ol>
  );
}
