// One demo user's sync sessions and sync issues over the demo period, shaped by the
// adaptive sync interval: every 30 minutes while things change, doubling (up to 4 hours)
// while sessions are Skipped because nothing changed.
import type { BatchIssue, BatchSession } from '@/lib/ingest/batch-schema';
import type { DemoUser } from './demo-users';
import type { Random } from './random';

const MINUTE = 60_000;
const RANDOM_ERRORS = [
  { category: 'Throttling', source: 'crm', message: 'Salesforce API request limit exceeded (REQUEST_LIMIT_EXCEEDED)' },
  { category: 'Throttling', source: 'mail_server', message: 'The mail server throttled the request (HTTP 429), retry after 30 s' },
  { category: 'Connectivity', source: 'mail_server', message: 'Could not reach the mail server: connection reset' },
  { category: 'Connectivity', source: 'crm', message: 'Salesforce instance unreachable: request timed out after 120 s' },
  { category: 'Authorization', source: 'crm', message: 'Salesforce refreshed token rejected (invalid_grant)' },
  { category: 'Internal', source: 'sync_application', message: 'Unexpected error while mapping event attendees' },
] as const;
const CANCEL_MESSAGES = ['Canceled: the user signed out of the add-in', 'Canceled: the sync service restarted'];
const ISSUE_NAMES = {
  email: ['Re: Q4 renewal quote', 'Meeting follow-up', 'Contract draft v3', 'Invoice #4471', 'Intro: partnership'],
  event: ['Quarterly business review', 'Demo with procurement', 'Onboarding call', 'Pipeline review', 'Lunch & learn'],
  contact: ['John Smith', 'Maria Garcia', 'Wei Chen', 'Olga Ivanova', 'Lucia Rossi'],
  task: ['Send pricing sheet', 'Follow up on trial', 'Prepare QBR deck', 'Call back re: invoice', 'Update opportunity'],
} as const;
const ISSUE_DESCRIPTIONS: Record<number, string[]> = {
  0: ['The object is active; nothing to change'],
  1: ['UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record', 'The item is locked by another client'],
  2: ['ENTITY_IS_DELETED: entity is deleted', 'The item no longer exists in the mailbox'],
  3: ['INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id', 'The item was changed on the server before the update'],
  5: ['Unrecognised response from the target system'],
};
const SF_PREFIX = { email: '02s', event: '00U', contact: '003', task: '00T' } as const;

export interface UserActivity {
  sessions: BatchSession[];
  issues: BatchIssue[];
}

function isWorkingTime(at: Date): boolean {
  const day = at.getUTCDay();
  const hour = at.getUTCHours();
  return day !== 0 && day !== 6 && hour >= 7 && hour < 18;
}

function stoppedAt(user: DemoUser, profileDisabledAt: Date | null): number {
  const times = [profileDisabledAt?.getTime() ?? Infinity];
  if (user.persona.kind === 'disabled-by-admin') times.push(user.persona.at.getTime());
  return Math.min(...times);
}

export function generateUserActivity(
  user: DemoUser,
  tenantSlug: string,
  random: Random,
  startAt: Date,
  endAt: Date,
  profileDisabledAt: Date | null,
): UserActivity {
  const sessions: BatchSession[] = [];
  const issues: BatchIssue[] = [];
  const baseScope = random.int(150, 3_000);
  const stop = stoppedAt(user, profileDisabledAt);
  const persona = user.persona;
  let at = startAt.getTime() + random.int(0, 29) * MINUTE + random.int(0, 59_000);
  let interval = 30;
  let seq = 0;
  while (at < endAt.getTime() && at < stop) {
    const startedAt = new Date(at);
    const id = `${tenantSlug}:u${String(user.index).padStart(5, '0')}:s${String(seq++).padStart(5, '0')}`;
    const failing =
      (persona.kind === 'failing' && at >= persona.at.getTime()) ||
      (persona.kind === 'recovered' && at >= persona.errorAt.getTime() && at < persona.enabledAt.getTime());
    let session: BatchSession;
    if (failing) {
      const failure = persona.kind === 'failing' ? persona : { category: 'Authorization', source: 'mail_server' as const, reason: persona.kind === 'recovered' ? persona.reason : '' };
      session = { id, userEmail: user.email, startedAt, endedAt: new Date(at + random.int(2, 20) * 1000), status: 'error', scope: baseScope, changes: 0, issues: 0, errorCategory: failure.category, errorSource: failure.source, message: failure.reason };
      interval = 120;
    } else if (random.chance(isWorkingTime(startedAt) ? 0.6 : 0.07)) {
      const outcome = random.weighted([['success', 94], ['error', 3.5], ['canceled', 2.5]] as const);
      const changes = random.int(1, 15);
      const issueCount = outcome === 'canceled' ? 0 : random.chance(outcome === 'error' ? 0.4 : 0.09) ? random.int(1, 3) : 0;
      const error = outcome === 'error' ? random.pick(RANDOM_ERRORS) : null;
      session = {
        id,
        userEmail: user.email,
        startedAt,
        endedAt: new Date(at + random.int(outcome === 'canceled' ? 10 : 5, 90 + changes * 6) * 1000),
        status: outcome,
        scope: baseScope + random.int(-20, 20),
        changes: outcome === 'success' ? changes : random.int(0, changes),
        issues: issueCount,
        errorCategory: error?.category ?? null,
        errorSource: error?.source ?? null,
        message: error?.message ?? (outcome === 'canceled' ? random.pick(CANCEL_MESSAGES) : null),
      };
      interval = 30;
    } else {
      session = { id, userEmail: user.email, startedAt, endedAt: new Date(at + random.int(1, 4) * 1000), status: 'skipped', scope: baseScope, changes: 0, issues: 0, errorCategory: null, errorSource: null, message: null };
      interval = Math.min(interval * 2, 240);
    }
    // The newest sessions may still be queued or running.
    if (endAt.getTime() - at < 10 * MINUTE && !failing) {
      const state = random.weighted([['started', 4], ['ready', 2], ['final', 4]] as const);
      if (state !== 'final') {
        session = { id, userEmail: user.email, startedAt, endedAt: null, status: state, scope: state === 'ready' ? null : baseScope, changes: null, issues: null, errorCategory: null, errorSource: null, message: null };
      }
    }
    sessions.push(session);
    for (let n = 0; n < (session.issues ?? 0); n++) issues.push(buildIssue(user, session, n, random));
    at += interval * MINUTE + random.int(-90, 90) * 1000;
  }
  return { sessions, issues };
}

function buildIssue(user: DemoUser, session: BatchSession, n: number, random: Random): BatchIssue {
  const type = random.pick(['email', 'event', 'contact', 'task'] as const);
  const toCrm = type === 'email' ? true : random.chance(0.6);
  const mailbox = user.profile.mailbox;
  const direction = toCrm ? (`${mailbox}_to_salesforce` as const) : (`salesforce_to_${mailbox}` as const);
  const errorCode = random.weighted([[1, 40], [3, 30], [2, 20], [0, 8], [5, 2]] as const);
  const descriptions = ISSUE_DESCRIPTIONS[errorCode]!;
  const start = session.startedAt.getTime();
  const end = session.endedAt?.getTime() ?? start + 1_000;
  const targetObjectId = toCrm
    ? `${SF_PREFIX[type]}${random.int(10, 99)}00000${random.int(1_000_000, 9_999_999)}AAA`.slice(0, 18)
    : mailbox === 'gmail'
      ? random.int(0x10000000, 0x7fffffff).toString(16) + random.int(0x10000000, 0x7fffffff).toString(16)
      : `AAMkAD${random.int(100_000_000, 999_999_999)}AAA=`;
  return {
    id: `${session.id}:i${n}`,
    userEmail: user.email,
    sessionId: session.id,
    occurredAt: new Date(start + Math.floor(random.next() * (end - start))),
    type,
    direction,
    name: random.pick(ISSUE_NAMES[type]),
    operation: random.weighted([['update', 5], ['create', 3], ['delete', 2]] as const),
    errorCode,
    description: toCrm ? descriptions[0]! : descriptions[descriptions.length - 1]!,
    errorSource: errorCode === 5 ? 'sync_application' : toCrm ? 'crm' : 'mail_server',
    targetObjectId,
  };
}
