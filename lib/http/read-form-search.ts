import 'server-only';
// A download's query sent as a form POST: a selection of up to 1,000 sessions does not fit a URL
// (Node refuses request headers past 16 KB, about 440 ids), so the page posts it. Form-encoded
// only, at most 64 KB, arrived whole within 10 s; read with the same schema as a URL's query.
import { HttpError } from './errors';
import { readLimitedBody } from './read-limited-body';

export const MAX_FORM_BYTES = 64 * 1024;
const FORM_TIMEOUT_MS = 10_000;

export async function readFormSearch(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded.');
  }
  const body = await readLimitedBody(request, MAX_FORM_BYTES, { timeoutMs: FORM_TIMEOUT_MS });
  return new URLSearchParams(new TextDecoder('utf-8', { fatal: false }).decode(body));
}
