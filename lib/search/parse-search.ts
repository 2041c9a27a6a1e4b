// Every page and download reads its URL through a zod schema of its area (lib/*/…-search.ts) and
// gets one shape back: the value, or the first problem as a sentence for the page's message or
// the download's 400. The fields of lib/search/fields.ts word the problems alike.
import type { z } from 'zod';
import { single, type SearchParams } from './search-params';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A parameter given twice counts once (its first value); an empty one counts as absent. */
function firstValues(params: SearchParams | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((key) => [key, params.get(key)] as const) : Object.entries(params).map(([key, value]) => [key, single(value)] as const);
  return Object.fromEntries(entries.filter((entry): entry is readonly [string, string] => Boolean(entry[1])));
}

export function parseSearch<Schema extends z.ZodType>(schema: Schema, params: SearchParams | URLSearchParams): Parsed<z.output<Schema>> {
  const result = schema.safeParse(firstValues(params));
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? 'The address has a parameter this page does not understand.' };
}
