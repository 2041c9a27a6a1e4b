// The fields the URL schemas are built from, each wording its problem the same way:
// `"name" must be …` — the sentence a page shows above its reset link and a download answers
// with its 400. An absent field is null (or its default), never an empty string.
import { z } from 'zod';
import { InvalidCursorError, PAGE_SIZES, type PageSize } from '@/lib/paging/cursor';
import type { Direction, KeysetRequest } from '@/lib/paging/keyset';
import { CONTROL_CHARACTERS } from '@/lib/text/unsafe-characters';
import { INSTANT_RANGE_WORDS, parseInstant, type TimeRange } from '@/lib/time/parse-instant';

const absentIsNull = <Schema extends z.ZodType>(schema: Schema) => schema.optional().transform((value) => value ?? null);

/** A value from a fixed list, e.g. a status. */
export const oneOf = <const Values extends readonly string[]>(name: string, values: Values, wording = `one of ${values.join(', ')}`) =>
  absentIsNull(z.enum(values, { error: `"${name}" must be ${wording}.` }));

/** Free text such as a search, trimmed, up to `max` characters, without control characters. */
export const text = (name: string, max: number) =>
  absentIsNull(
    z
      .string()
      .trim()
      .max(max, `"${name}" must be at most ${max} characters.`)
      .refine((value) => !CONTROL_CHARACTERS.test(value), `"${name}" must not contain control characters.`),
  ).transform((value) => value || null);

/** A whole number that fits the database's integer (error codes). */
export const wholeNumber = (name: string) =>
  absentIsNull(
    z
      .string()
      .regex(/^-?\d{1,10}$/, `"${name}" must be a whole number.`)
      .transform(Number)
      .refine((value) => Math.abs(value) <= 2_147_483_647, `"${name}" must be a whole number.`),
  );

/** One id, e.g. the user a profile's statistics narrow to. */
export const singleId = (name: string, noun: string) => absentIsNull(z.uuid({ error: `"${name}" must be ${noun} id.` }));

/** A comma-separated list of distinct ids, at most `max` of them. */
export const idList = (name: string, noun: string, max: number) =>
  absentIsNull(
    z.string().transform((value, ctx) => {
      const ids = [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))];
      if (ids.length > max) ctx.issues.push({ code: 'custom', input: value, message: `"${name}" takes at most ${max.toLocaleString('en-US')} ${noun}.` });
      else if (!ids.every((id) => z.uuid().safeParse(id).success)) ctx.issues.push({ code: 'custom', input: value, message: `"${name}" must be ${noun} separated by commas.` });
      return ids;
    }),
  );

const instant = (name: 'from' | 'to') =>
  absentIsNull(
    z.string().transform((value, ctx) => {
      const date = parseInstant(value);
      if (date) return date;
      ctx.issues.push({ code: 'custom', input: value, message: `"${name}" must be an ISO 8601 date or date-time ${INSTANT_RANGE_WORDS}, such as 2026-11-26 or 2026-11-26T10:00:00Z.` });
      return z.NEVER;
    }),
  );

/** `from` (inclusive) and `to` (exclusive); spread into a schema's shape, then `.transform(toPeriod())`. */
export const periodFields = { from: instant('from'), to: instant('to') };

/** Gathers `from`/`to` into `range`, absent ends taken from the defaults, and refuses a reversed period. */
export function toPeriod(defaults: TimeRange = { from: null, to: null }) {
  return <Value extends TimeRange>({ from: givenFrom, to: givenTo, ...rest }: Value, ctx: z.core.$RefinementCtx<Value>) => {
    const from = givenFrom ?? defaults.from;
    const to = givenTo ?? defaults.to;
    if (from && to && from.getTime() >= to.getTime()) {
      // No instants quoted: a page's period control explains them in the admin's own time zone.
      ctx.issues.push({ code: 'custom', input: { from, to }, message: 'The period ends before it starts: "from" must be before "to".' });
    }
    return { ...rest, range: { from, to } as TimeRange };
  };
}

// A cursor is base64url (lib/paging/cursor.ts); anything else cannot be one of ours.
const cursor = absentIsNull(z.string().regex(/^[A-Za-z0-9_-]{1,4000}$/, new InvalidCursorError().message));

/** `pageSize` (25 by default) and the `after`/`before` cursors; then `.transform(toPaging)`. */
export const pagingFields = {
  pageSize: z
    .enum(PAGE_SIZES.map(String), { error: `"pageSize" must be ${PAGE_SIZES.slice(0, -1).join(', ')} or ${PAGE_SIZES.at(-1)}.` })
    .optional()
    .transform((value) => Number(value ?? PAGE_SIZES[0]) as PageSize),
  after: cursor,
  before: cursor,
};

export function toPaging<Value extends { pageSize: PageSize; after: string | null; before: string | null }>({ after, before, ...rest }: Value) {
  return { ...rest, page: { after, before } as KeysetRequest };
}

/** `sort=key` (ascending) or `sort=-key` (descending) among the allowed keys. */
export const sortOrder = <const Keys extends readonly [string, ...string[]]>(keys: Keys, fallback: Keys[number] | `-${Keys[number]}`) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const given = value ?? fallback;
      const key = given.replace(/^-/, '');
      if (!keys.includes(key)) {
        ctx.issues.push({ code: 'custom', input: value, message: `"sort" must be one of ${keys.map((k) => `${k}, -${k}`).join(', ')}.` });
        return z.NEVER;
      }
      return { sort: key as Keys[number], direction: (given.startsWith('-') ? 'desc' : 'asc') as Direction };
    });
