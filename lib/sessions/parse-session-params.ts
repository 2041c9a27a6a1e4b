// The statistics URL and the downloads' query: from/to (ISO 8601; bare date = 00:00 UTC),
// status, errorCategory, errorSource, ids (at most 1,000 session ids).
import { z } from 'zod';
import { ERROR_SOURCES, SESSION_STATUSES, type ErrorSource, type SessionStatus } from '@/domain/sync-vocabulary';
import { single, type Parsed, type SearchParams } from '@/lib/paging/list-params';
import { parseRange, type TimeRange } from '@/lib/time/parse-range';

export const MAX_SELECTED_IDS = 1_000;

export interface SessionParams {
  range: TimeRange;
  status: SessionStatus | null;
  errorCategory: string | null;
  errorSource: ErrorSource | null;
  ids: string[] | null;
}

export function parseSessionParams(params: SearchParams, defaults: { from: Date | null; to: Date | null }): Parsed<SessionParams> {
  const range = parseRange({ from: single(params.from), to: single(params.to) }, defaults);
  if (!range.ok) return { ok: false, message: range.message };
  const status = single(params.status);
  if (status && !(SESSION_STATUSES as readonly string[]).includes(status)) return { ok: false, message: `"status" must be one of ${SESSION_STATUSES.join(', ')}.` };
  const errorSource = single(params.errorSource);
  if (errorSource && !(ERROR_SOURCES as readonly string[]).includes(errorSource)) return { ok: false, message: `"errorSource" must be one of ${ERROR_SOURCES.join(', ')}.` };
  const errorCategory = single(params.errorCategory)?.slice(0, 100) || null;
  let ids: string[] | null = null;
  const idsText = single(params.ids);
  if (idsText) {
    ids = [...new Set(idsText.split(',').map((id) => id.trim()).filter(Boolean))];
    if (ids.length > MAX_SELECTED_IDS) return { ok: false, message: `"ids" takes at most ${MAX_SELECTED_IDS} session ids.` };
    if (!ids.every((id) => z.uuid().safeParse(id).success)) return { ok: false, message: '"ids" must be session ids separated by commas.' };
  }
  return { ok: true, value: { range: range.range, status: (status as SessionStatus) || null, errorCategory, errorSource: (errorSource as ErrorSource) || null, ids } };
}

export const THREE_DAYS_MS = 3 * 86_400_000;

export function defaultStatisticsRange(now = new Date()): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - THREE_DAYS_MS), to: now };
}
