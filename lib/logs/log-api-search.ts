// The query of the log viewer's APIs, read through zod like every other URL: a clear 400 with
// the problem for anything else.
import { z } from 'zod';
import { text } from '@/lib/search/fields';
import { SEARCH_MAX_QUERY_CHARS } from './log-search';

/** The most lines one request returns: a few screens. */
export const MAX_LINES_PER_REQUEST = 1000;
const DEFAULT_LINES = 200;

const positive = (name: string, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,16}$/, `"${name}" must be a whole number from 1 to ${max.toLocaleString('en-US')}.`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `"${name}" must be a whole number from 1 to ${max.toLocaleString('en-US')}.`)
    .optional();

/** `from` and `count`, or `tail` (the last lines); neither: the first lines. */
export const logLinesSearch = z
  .object({ from: positive('from'), count: positive('count', MAX_LINES_PER_REQUEST), tail: positive('tail', MAX_LINES_PER_REQUEST) })
  .refine((value) => value.tail === undefined || (value.from === undefined && value.count === undefined), {
    message: 'Ask for "tail" alone, or for "from" and "count".',
  })
  .transform((value) =>
    value.tail !== undefined ? ({ kind: 'tail', count: value.tail } as const) : ({ kind: 'range', from: value.from ?? 1, count: value.count ?? DEFAULT_LINES } as const),
  );

export const logSearchSearch = z.object({
  q: text('q', SEARCH_MAX_QUERY_CHARS).refine((value): value is string => value !== null, '"q" must be the text to search for.'),
  from: positive('from').transform((value) => value ?? 1),
});

export type LogLinesRequest = z.output<typeof logLinesSearch>;
