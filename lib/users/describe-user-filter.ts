// A users list's filters in words, for the confirmation of a bulk action: the admin sees which
// users "all" means before anything changes.
import { EFFECTIVE_SYNC_STATUS_LABELS, type EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status-labels';

export function describeUserFilter(filter: { status: EffectiveSyncStatus | null; reason?: string | null; q: string | null }, inProfile: boolean): string {
  const parts: string[] = [];
  if (filter.status) parts.push(`Effective synchronization status “${EFFECTIVE_SYNC_STATUS_LABELS[filter.status]}”`);
  if (filter.reason) parts.push(`reason of the error “${filter.reason}”`);
  if (filter.q) parts.push(`name or email containing “${filter.q}”`);
  const list = inProfile ? 'of this profile' : 'of every profile you can see';
  return parts.length > 0 ? `${list} with ${parts.join(', ')}` : `${list}, all of them (no filter)`;
}

/** The filters as the query a bulk action's form sends with `target=all`. */
export function userFilterQuery(filter: { status: string | null; reason?: string | null; q: string | null }): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ status: filter.status, reason: filter.reason, q: filter.q })) if (value) query.set(key, value);
  return query.toString();
}
