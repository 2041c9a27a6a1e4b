// A user's last Sync now request in their header: when and by whom, then the session that
// answered it (a link to it on Statistics), or that the engine has not answered yet.
import { FactField } from '@/components/facts/fact-field';
import { AppLink } from '@/components/links/app-link';
import { LocalDateTime } from '@/components/time/local-date-time';
import type { LatestSyncRequest } from '@/lib/sync-requests/latest-sync-request';
import { sessionInStatistics } from '@/lib/users/session-link';

export function SyncRequestFact({ userId, request }: { userId: string; request: LatestSyncRequest }) {
  return (
    <FactField label="Sync now">
      Sync requested at <LocalDateTime iso={request.requestedAt} /> by {request.requestedBy} ·{' '}
      {request.session ? (
        <>
          started as session{' '}
          <AppLink href={sessionInStatistics(userId, Date.parse(request.session.startedAt))}>
            <LocalDateTime iso={request.session.startedAt} />
          </AppLink>
        </>
      ) : (
        'waiting for the sync engine'
      )}
    </FactField>
  );
}
