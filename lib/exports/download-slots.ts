import 'server-only';
// How many downloads run at once. Each admin has a few; all together have as many as the
// download pool has connections (db/client.ts), so that a download that starts always has its
// connection and pages and ingestion never lend theirs. Over either limit the download is
// refused before its first byte, with when to try again. Per instance.
import { env } from '@/config/env';
import { ConcurrencySlots } from '@/lib/http/concurrency-slots';
import { HttpError, tooManyRequests } from '@/lib/http/errors';

const downloads = new ConcurrencySlots('downloads');
const RETRY_AFTER_SECONDS = 30;

/** Takes a download slot for the admin, or throws 429 (theirs are taken) / 503 (the instance's
 * are); returns its release (idempotent). */
export function takeDownloadSlot(adminId: string): () => void {
  const slot = downloads.take(adminId, { perKey: env().DOWNLOADS_PER_ADMIN, total: env().DB_DOWNLOAD_POOL_SIZE });
  if ('release' in slot) return slot.release;
  if (slot.refused === 'key') {
    throw tooManyRequests(
      `You already have ${slot.held} downloads in progress, the most one admin can run at once. Wait for one to finish (or cancel it), then try again.`,
      RETRY_AFTER_SECONDS,
    );
  }
  throw new HttpError(503, 'The panel is serving as many downloads as it can right now. Try again in a minute.', undefined, RETRY_AFTER_SECONDS);
}

export const downloadsInProgress = () => downloads.inProgress();
