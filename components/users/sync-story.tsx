// A user's recent sync, told in their header: failing since when and how many Error sessions
// since their last Success or Skipped one (lib/users/sync-story.ts), and their last sessions as a
// strip of status icons, oldest first, each a link to that session on the Statistics tab.
import type { ReactNode } from 'react';
import { FactField } from '@/components/facts/fact-field';
import { AppLink } from '@/components/links/app-link';
import { SessionStatusIcon } from '@/components/status/sync-status-chips';
import { LocalDateTime } from '@/components/time/local-date-time';
import { formatCount } from '@/lib/paging/format-count';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { STREAK_LOOKBACK_SESSIONS, type FailingStreak, type SessionMark } from '@/lib/users/sync-story';
import styles from './sync-story.module.css';

/** The Statistics tab narrowed to the one session (its start, to the next millisecond). */
export function sessionInStatistics(userId: string, startedAt: string): string {
  const to = new Date(new Date(startedAt).getTime() + 1).toISOString();
  return `/users/${userId}/statistics?from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(to)}`;
}

function SessionLink({ userId, session, children }: { userId: string; session: SessionMark; children: ReactNode }) {
  return <AppLink href={sessionInStatistics(userId, session.startedAt)}>{children}</AppLink>;
}

export function SyncStory({ userId, streak, recent }: { userId: string; streak: FailingStreak; recent: SessionMark[] }) {
  const errors = `${formatCount(streak.consecutiveErrors)} Error session${streak.consecutiveErrors === 1 ? '' : 's'}`;
  return (
    <>
      <FactField label="Failing since">
        {streak.failingSince ? (
          <>
            <SessionLink userId={userId} session={streak.failingSince}>
              <LocalDateTime iso={streak.failingSince.startedAt} />
            </SessionLink>{' '}
            · {errors} since{' '}
            {streak.lastHealthy ? (
              <>
                the last {SESSION_STATUS_LABELS[streak.lastHealthy.status]} (
                <SessionLink userId={userId} session={streak.lastHealthy}>
                  <LocalDateTime iso={streak.lastHealthy.startedAt} />
                </SessionLink>
                )
              </>
            ) : streak.lookbackExhausted ? (
              `no Success or Skipped session in the last ${formatCount(STREAK_LOOKBACK_SESSIONS)}`
            ) : (
              'the first session: none has succeeded yet'
            )}
          </>
        ) : streak.lastHealthy ? (
          <>
            Not failing · last {SESSION_STATUS_LABELS[streak.lastHealthy.status]}{' '}
            <SessionLink userId={userId} session={streak.lastHealthy}>
              <LocalDateTime iso={streak.lastHealthy.startedAt} />
            </SessionLink>
          </>
        ) : (
          'Not failing · no session has ended in Success, Skipped or Error yet'
        )}
      </FactField>
      <FactField label={recent.length > 1 ? `Last ${recent.length} sessions, oldest first` : 'Last sessions'}>
        {recent.length === 0 ? (
          'No sync session yet.'
        ) : (
          <ol className={styles.strip}>
            {recent.map((session) => (
              <li key={session.id}>
                <AppLink
                  href={sessionInStatistics(userId, session.startedAt)}
                  className={styles.mark}
                  aria-label={`${SESSION_STATUS_LABELS[session.status]}, started ${session.startedAt}`}
                  title={`${SESSION_STATUS_LABELS[session.status]}, started ${session.startedAt.slice(0, 16).replace('T', ' ')} UTC`}
                >
                  <SessionStatusIcon status={session.status} />
                </AppLink>
              </li>
            ))}
          </ol>
        )}
      </FactField>
    </>
  );
}
