// `from`/`to` of the pages and downloads: ISO 8601 instants, a bare date meaning 00:00 UTC;
// `from` inclusive, `to` exclusive (lib/search/fields.ts reads them from URLs).
export interface TimeRange {
  from: Date | null;
  to: Date | null;
}

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
