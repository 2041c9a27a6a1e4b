// Shared reading of list URLs: pageSize, after/before cursors, sort direction.
import type { Direction, KeysetRequest } from './keyset';
import { parsePageSize, type PageSize } from './cursor';

export type SearchParams = Record<string, string | string[] | undefined>;

export const single = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? value[0] : value) ?? null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parsePaging(params: SearchParams): Parsed<{ pageSize: PageSize; page: KeysetRequest }> {
  const pageSize = parsePageSize(single(params.pageSize));
  if (!pageSize) return { ok: false, message: '"pageSize" must be 25, 50 or 100.' };
  return { ok: true, value: { pageSize, page: { after: single(params.after) || null, before: single(params.before) || null } } };
}

/** `sort=name` or `sort=-name` (descending) among the allowed keys. */
export function parseSort<Key extends string>(value: string | null, allowed: readonly Key[], fallback: Key): Parsed<{ sort: Key; direction: Direction }> {
  if (!value) return { ok: true, value: { sort: fallback, direction: 'asc' } };
  const direction: Direction = value.startsWith('-') ? 'desc' : 'asc';
  const key = value.replace(/^-/, '') as Key;
  if (!allowed.includes(key)) return { ok: false, message: `"sort" must be one of ${allowed.map((k) => `${k}, -${k}`).join(', ')}.` };
  return { ok: true, value: { sort: key, direction } };
}

/** The same URL with some parameters changed (null removes one); paging restarts unless kept. */
export function withParams(path: string, params: SearchParams, changes: Record<string, string | null>, keepPaging = false): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = single(value);
    if (text && (keepPaging || (key !== 'after' && key !== 'before'))) query.set(key, text);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
