// A page's URL search parameters as Next.js gives them, and the links that change a few of them.
// Client-safe: the sort and range controls build their links with it too.
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter given once or several times; absent is null. */
export const single = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? value[0] : value) ?? null;

// The cursors of keyset paging (`cursor`: the audit pages, forward only).
const PAGING_PARAMS = new Set(['after', 'before', 'cursor']);

/** The same URL with some parameters changed (null removes one); paging restarts unless kept. */
export function withParams(path: string, params: SearchParams, changes: Record<string, string | null>, keepPaging = false): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = single(value);
    if (text && (keepPaging || !PAGING_PARAMS.has(key))) query.set(key, text);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
