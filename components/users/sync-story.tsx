// A user's recent sync, told in their header: failing since when and how many Error sessions
// since their last Success or Skipped one (lib/users/sync-story.ts), and their last sessions as a
// strip of status marks, oldest first, each a link to that session on the Statistics tab.
import type { ReactNode } from 'react';
import { FactField } from '@/components/facts/fact-field';
import { AppLink } from '@/components/links/app-link';
import { LocalDateTime } from '@/components/time/local-date-time';
import { formatCount } from '@/lib/paging/format-count';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { STREAK_LOOKBACK_SESSIONS, type FailingStreak, type SessionMark } from '@/lib/users/sync-story';
import { sessionInStatistics } from '@/lib/users/session-link';
import { SessionStrip, type SessionStripMark } from './session-strip';

function SessionLink({ userId, session, children }: { userId: string; session: SessionMark; children: ReactNode }) {
  return <AppLink href={sessionInStatistics(userId, Date.parse(session.startedAt))}>{children}</AppLink>;
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
          <SessionStrip userId={userId} marks={recent.map((session): SessionStripMark => [Date.parse(session.startedAt), session.status])} />
        )}
      </FactField>
    </>
  );
}
