// Which database failures mean "temporarily unavailable, try again": the server is away, too
// slow, or a limit of ours was reached (pool acquisition, statement, lock wait). They answer
// 503 with Retry-After instead of a 500; everything else is a bug and stays a 500.
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '40P01', // deadlock_detected (after the retries of db/run-transaction.ts)
  '40001', // serialization_failure (idem)
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
]);
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres and pg-pool say these in words only.
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection terminated due to connection timeout',
];

function* causes(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) yield current;
}

/** The SQLSTATE of a database error, looking through wrappers (drizzle wraps the driver's error). */
export function sqlState(error: unknown): string | undefined {
  for (const cause of causes(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (!(cause instanceof Error)) continue;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NETWORK_CODES.has(code))) return true;
    if (UNAVAILABLE_MESSAGES.some((message) => cause.message.startsWith(message))) return true;
  }
  return false;
}

/** A failure to reach the server at all (refused, reset, cut off, or a pooler that cannot reach
 *  it: SQLSTATE class 08, or a shutdown), as opposed to a statement that ran too long: the read
 *  replica's reads are tried again on the primary for these only (db/read-replica.ts). */
export function isConnectionFailure(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (!(cause instanceof Error)) continue;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P0'))) return true;
    if (UNAVAILABLE_MESSAGES.some((message) => cause.message.startsWith(message) && !message.startsWith('Query read timeout'))) return true;
  }
  return false;
}
