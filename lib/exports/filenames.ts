// Download names made from names and ids, and what the download covers: no path separators,
// control or reserved characters.
import type { TimeRange } from '@/lib/time/parse-instant';

export function sanitizeFilename(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 150);
  return cleaned || 'download';
}

function rangeSuffix(range: { from: Date | null; to: Date | null }): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (!range.from && !range.to) return 'all';
  return `${range.from ? day(range.from) : 'start'}_${range.to ? day(range.to) : 'now'}`;
}

/** What a download covers, for its name: the period ("all" for all time, unless filtered), then
 * each filter given (`type-email code-3`). */
export function coverageSuffix(range: { from: Date | null; to: Date | null }, filters: Record<string, string | number | null | undefined>): string {
  const given = Object.entries(filters).filter(([, value]) => value !== null && value !== undefined && value !== '');
  const period = range.from || range.to || given.length === 0 ? [rangeSuffix(range)] : [];
  return [...period, ...given.map(([name, value]) => `${name}-${value}`)].join(' ');
}

/** A sessions download's coverage: the selection's size, or the period and the table's filters
 *  (and how many of its sessions were left out). */
export const sessionsCoverage = (search: {
  range: TimeRange;
  status: string | null;
  errorSource: string | null;
  errorCategory: string | null;
  user?: string | null;
  ids?: string[] | null;
  except?: string[] | null;
}) =>
  search.ids
    ? `selected-${search.ids.length}`
    : coverageSuffix(search.range, {
        status: search.status,
        errorSource: search.errorSource,
        errorCategory: search.errorCategory,
        // The id's first block: enough to tell two users' files apart, short enough for a name.
        user: search.user?.slice(0, 8),
        except: search.except?.length,
      });

/** A sync issues download's coverage: the period and the filters. */
export const issuesCoverage = (search: { range: TimeRange; type: string | null; operation: string | null; code: number | null }) =>
  coverageSuffix(search.range, { type: search.type, operation: search.operation, code: search.code });

/** A users download's coverage: "all", or the status, the reason (its start) and the search. */
export const usersCoverage = (search: { status: string | null; reason?: string | null; q: string | null }) =>
  coverageSuffix({ from: null, to: null }, { status: search.status, reason: search.reason?.slice(0, 40), q: search.q });
