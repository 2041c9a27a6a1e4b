// `from`/`to` of the pages and downloads: ISO 8601 instants, a bare date meaning 00:00 UTC;
// `from` inclusive, `to` exclusive. Bad or reversed values give a message, never an exception.
export interface TimeRange {
  from: Date | null;
  to: Date | null;
}

export type RangeResult = { ok: true; range: TimeRange } | { ok: false; message: string };

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseInstant(value: string): Date | null {
  const text = value.trim();
  if (!BARE_DATE.test(text) && !INSTANT.test(text)) return null;
  const date = new Date(BARE_DATE.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates that roll over (2026-02-31) rather than silently moving them.
  if (BARE_DATE.test(text) && date.toISOString().slice(0, 10) !== text) return null;
  return date;
}

export function parseRange(
  params: { from?: string | null; to?: string | null },
  defaults: { from: Date | null; to: Date | null } = { from: null, to: null },
): RangeResult {
  const read = (name: 'from' | 'to'): Date | null | string => {
    const value = params[name];
    if (value === undefined || value === null || value === '') return defaults[name];
    return parseInstant(value) ?? `"${name}" must be an ISO 8601 date or date-time, such as 2026-11-26 or 2026-11-26T10:00:00Z (got "${value}")`;
  };
  const from = read('from');
  const to = read('to');
  if (typeof from === 'string') return { ok: false, message: from };
  if (typeof to === 'string') return { ok: false, message: to };
  if (from && to && from.getTime() >= to.getTime()) {
    return { ok: false, message: `"from" (${from.toISOString()}) must be before "to" (${to.toISOString()})` };
  }
  return { ok: true, range: { from, to } };
}
