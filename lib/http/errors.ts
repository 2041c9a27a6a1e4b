import 'server-only';
// One typed error, mapped to an HTTP status once. Unknown errors are logged and answered with
// a generic 500: a database's or library's own text never reaches the client.
import { logger } from '@/lib/logger';

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422;

export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message = 'Sign in to use the Sync Admin Panel.') => new HttpError(401, message);
export const forbiddenError = (message = 'You do not have permission for this.') => new HttpError(403, message);
export const notFoundError = (message = 'Not found.') => new HttpError(404, message);

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return Response.json(
      { error: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
      { status: error.status, headers: { 'cache-control': 'no-store' } },
    );
  }
  logger().error({ err: error }, 'unhandled error in a route handler');
  return Response.json({ error: 'Something went wrong on our side.' }, { status: 500 });
}
