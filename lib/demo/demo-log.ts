// The text of a demo session log: what a sync engine writes while it runs.
import type { BatchSession } from '@/lib/ingest/batch-schema';
import type { Random } from './random';

const OBJECTS = ['Emails', 'Events', 'Contacts', 'Tasks'] as const;

export function buildDemoLog(session: BatchSession, mailbox: 'outlook' | 'gmail', random: Random, targetBytes: number): string {
  const lines: string[] = [];
  let clock = session.startedAt.getTime();
  const end = session.endedAt?.getTime() ?? clock + 30_000;
  const stamp = () => new Date(clock).toISOString();
  const step = () => {
    clock = Math.min(end, clock + random.int(5, 900));
  };
  const mailServer = mailbox === 'gmail' ? 'Gmail API' : 'Exchange Online (EWS)';
  lines.push(`${stamp()} INFO  Session ${session.id} for ${session.userEmail}: ${session.status}`);
  step();
  lines.push(`${stamp()} INFO  Mail server: ${mailServer}, connected in ${random.int(80, 900)} ms`);
  step();
  lines.push(`${stamp()} INFO  CRM: Salesforce REST API v62.0, connected in ${random.int(90, 700)} ms`);
  let bytes = lines.join('\n').length;
  while (bytes < targetBytes) {
    step();
    const object = random.pick(OBJECTS);
    const line = random.weighted([
      [`${stamp()} DEBUG ${object}: ${random.int(0, 400)} in scope, ${random.int(0, 6)} changed since the last session`, 6],
      [`${stamp()} DEBUG ${object}: mapped record ${random.int(100000, 999999)} (${random.pick(['create', 'update', 'delete'])})`, 4],
      [`${stamp()} INFO  ${object}: batch of ${random.int(1, 200)} sent to Salesforce, ${random.int(40, 900)} ms`, 3],
      [`${stamp()} WARN  ${object}: retrying after HTTP ${random.pick([429, 503, 504])}, attempt ${random.int(1, 3)}`, 1],
    ] as const);
    lines.push(line);
    bytes += line.length + 1;
  }
  clock = end;
  // The engine logs the error that ended a failed session as an ERROR line: the viewer opens there.
  if (session.status === 'error') {
    lines.push(`${stamp()} ERROR ${session.errorCategory ?? 'Sync'} error from ${session.errorSource ?? 'unknown source'}: ${session.message ?? 'no message'}`);
  }
  const summary = session.errorCategory
    ? `${session.errorCategory} error from ${session.errorSource ?? 'unknown source'}: ${session.message ?? ''}`
    : `${session.changes ?? 0} change(s), ${session.issues ?? 0} issue(s)`;
  lines.push(`${stamp()} INFO  Session finished: ${session.status}; ${summary}`);
  return `${lines.join('\n')}\n`;
}
