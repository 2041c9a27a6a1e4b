import 'server-only';
// Log searches one admin may run at once, per instance: a scan keeps a core busy for seconds.
import { ConcurrencySlots } from '@/lib/http/concurrency-slots';
import { tooManyRequests } from '@/lib/http/errors';

const searches = new ConcurrencySlots('log-search');
export const SEARCHES_PER_ADMIN = 2;
export const SEARCHES_TOTAL = 8;

export function takeSearchSlot(adminId: string): () => void {
  const slot = searches.take(adminId, { perKey: SEARCHES_PER_ADMIN, total: SEARCHES_TOTAL });
  if ('release' in slot) return slot.release;
  throw tooManyRequests(slot.refused === 'key' ? `You already have ${slot.held} log searches running; wait for one to end.` : 'The panel is searching as many logs as it can; try again in a moment.', 2);
}
