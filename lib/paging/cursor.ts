// Opaque keyset cursors: the last row's sort key, base64url JSON. A tampered or stale cursor
// is a 400 with a message, never a 500.
import { z } from 'zod';
import { containsNul } from '@/lib/text/unsafe-characters';
import { instantText } from '@/lib/time/instant-text';

export class InvalidCursorError extends Error {
  constructor() {
    super('The page link is invalid or out of date: start again from the first page.');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | null | undefined, schema: T): z.infer<T> | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/** The sort values a cursor may carry, checked before they reach SQL: text the database can
 * compare (no NUL), or an instant it can store. */
export const CURSOR_VALUES = {
  text: z.string().max(1_000).refine((value) => !containsNul(value)),
  instant: instantText(),
};

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
