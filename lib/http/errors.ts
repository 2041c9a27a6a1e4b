import 'server-only';
// One typed error, mapped to an HTTP status once. Unknown errors are logged and answered with
// a generic 500: a database's or library's own text never reaches the client. A database that
// is away or too slow answers 503 with Retry-After: the request may be sent again as it was.
import { isDatabaseUnavailable } from '@/db/database-errors';
import { ACCESS_MESSAGES } from '@/lib/auth/access-messages';
import { logger } from '@/lib/logger';
import { isNavigation, refusalPage } from './refusal-page';

export type HttpStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 503;

export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
    /** With 429 and 503: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message: string = ACCESS_MESSAGES.anonymous) => new HttpError(401, message);
export const forbiddenError = (message: string = ACCESS_MESSAGES.role) => new HttpError(403, message);
export const notFoundError = (message = 'Not found.') => new HttpError(404, message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new HttpError(429, message, undefined, retryAfterSeconds);

const DATABASE_RETRY_AFTER_SECONDS = 5;
const databaseUnavailable = () =>
  new HttpError(503, 'The Sync Admin Panel is temporarily unavailable: its database does not answer. Try again in a moment.', undefined, DATABASE_RETRY_AFTER_SECONDS);

/** The HttpError an error stands for: itself, 503 for a database that is away, else undefined (a bug). */
export function asHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return undefined;
}

/** request: the request answered; a browser's navigation (a download link) gets a page with the
 * message and a way back instead of JSON, which would replace the page it came from. */
export function errorResponse(error: unknown, request?: Request): Response {
  const known = asHttpError(error);
  if (!known) {
    logger().error({ err: error }, 'unhandled error in a route handler');
    return Response.json({ error: 'Something went wrong on our side.' }, { status: 500 });
  }
  // The panel's own refusals are expected; a database that is away is worth a line in the log.
  if (!(error instanceof HttpError)) logger().warn({ err: error }, 'database unavailable');
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (known.retryAfterSeconds !== undefined) headers['retry-after'] = String(known.retryAfterSeconds);
  if (request && isNavigation(request) && known.status >= 429) {
    return new Response(refusalPage(request, known.message), { status: known.status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
  }
  return Response.json({ error: known.message, ...(known.details === undefined ? {} : { details: known.details }) }, { status: known.status, headers });
}
