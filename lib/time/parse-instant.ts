// `from`/`to` of the pages and downloads: ISO 8601 instants, a bare date meaning 00:00 UTC;
// `from` inclusive, `to` exclusive (lib/search/fields.ts reads them from URLs). Every instant the
// panel accepts — in URLs, page cursors and the engine's batches — lies in INSTANT_RANGE: years
// the database stores and compares without surprises (PostgreSQL has no year 0). No zod here:
// the period control parses in the browser (the schema field is lib/time/instant-text.ts).
const INSTANT_RANGE = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') } as const;
export const INSTANT_RANGE_WORDS = 'from 2000-01-01 to 2099-12-31 (UTC)';

export const isInInstantRange = (date: Date) => date.getTime() >= INSTANT_RANGE.from.getTime() && date.getTime() < INSTANT_RANGE.to.getTime();

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
  return isInInstantRange(date) ? date : null;
}

/** The shortest text parseInstant reads back as the same instant: a bare date for 00:00 UTC,
 * minutes for a whole minute, else the full ISO form. Links carry it (the overview has over a
 * hundred, each written twice into the page: its markup and its React payload). */
export function compactInstant(date: Date): string {
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  if (iso.endsWith(':00.000Z')) return `${iso.slice(0, 16)}Z`;
  return iso;
}
