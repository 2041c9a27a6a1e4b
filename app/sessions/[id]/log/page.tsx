// /sessions/{id}/log[?line=N][#L120-L140] — one session's log: what the session was, then the
// log opened at the line asked for, a failed session's first error, or the start. The first
// screen of lines comes with the page; the rest is read as the admin scrolls or searches.
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { FactField } from '@/components/facts/fact-field';
import { AppLink } from '@/components/links/app-link';
import { LINES_PER_PAGE, lineDto, pageOfLine } from '@/lib/logs/log-line-dto';
import { LogViewer } from '@/components/logs/log-viewer';
import { SessionStatusChip } from '@/components/status/sync-status-chips';
import { LocalDateTime } from '@/components/time/local-date-time';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { openingLine, parseLineParam } from '@/lib/logs/log-permalink';
import { readLines } from '@/lib/logs/log-reader';
import { findSessionWithLog, storedLogSource } from '@/lib/logs/session-log';
import { single, type SearchParams } from '@/lib/search/search-params';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { byteSize } from '@/lib/text/byte-size';

export const metadata: Metadata = { title: 'Session log' };

export default async function SessionLogPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const { session, log } = await orNotFound(findSessionWithLog(viewer, (await params).id));
  const asked = parseLineParam(single((await searchParams).line));
  const header = (
    <>
      <Breadcrumbs aria-label="breadcrumb">
        <AppLink href="/users">Users</AppLink>
        <AppLink href={`/users/${session.userId}/statistics`}>{session.userName}</AppLink>
        <Typography color="text.primary">Session log</Typography>
      </Breadcrumbs>
      <Typography variant="h1">Session log</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap component="dl" sx={{ m: 0, flexWrap: 'wrap', rowGap: 2 }}>
          <FactField label="User">
            <AppLink href={`/users/${session.userId}/statistics`}>{session.userName}</AppLink>
          </FactField>
          <FactField label="Profile">
            <AppLink href={`/profiles/${session.profileId}/statistics`}>{session.profileName}</AppLink>
          </FactField>
          <FactField label="Status">
            <SessionStatusChip status={session.status} />
          </FactField>
          <FactField label="Synchronization start date">
            <LocalDateTime iso={session.startedAt} />
          </FactField>
          <FactField label="Synchronization end date">{session.endedAt ? <LocalDateTime iso={session.endedAt} /> : 'Still running'}</FactField>
          {session.errorCategory && <FactField label="Error category">{session.errorCategory}</FactField>}
          {session.errorSource && <FactField label="Error source">{ERROR_SOURCE_LABELS[session.errorSource]}</FactField>}
          {session.message && <FactField label="Message">{session.message}</FactField>}
        </Stack>
      </Paper>
    </>
  );
  if (!log) {
    return (
      <Stack spacing={2}>
        {header}
        <Alert severity="info">The sync engine sent no log for this session.</Alert>
      </Stack>
    );
  }
  const initialLine = openingLine({ asked, firstErrorLine: log.firstErrorLine, failed: session.status === 'error', lineCount: log.lineCount });
  const from = pageOfLine(initialLine) * LINES_PER_PAGE + 1;
  const initialLines = log.lineCount === 0 ? [] : await readLines(storedLogSource(log), from, LINES_PER_PAGE);
  return (
    <Stack spacing={2}>
      {header}
      <LogViewer
        sessionId={session.id}
        lineCount={log.lineCount}
        sizeLabel={byteSize(log.sizeBytes)}
        firstErrorLine={log.firstErrorLine}
        errorPatterns={log.errorPatterns}
        initialLine={initialLine}
        initialSelection={asked ? { first: initialLine, last: initialLine } : null}
        initialPage={{ from, lines: initialLines.map(lineDto) }}
      />
    </Stack>
  );
}
