// The sync request feed's query: `after` (the last `seq` read, 0 for the start) and `limit`.
import { z } from 'zod';
import { FEED_PAGE_MAX } from './sync-request-feed';

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `"${name}" must be a whole number from ${min} to ${max.toLocaleString('en-US')}.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `"${name}" must be a whole number from ${min} to ${max.toLocaleString('en-US')}.`)
    .optional()
    .transform((value) => value ?? fallback);

export const syncRequestFeedSearch = z.object({
  after: whole('after', 0, Number.MAX_SAFE_INTEGER, 0),
  limit: whole('limit', 1, FEED_PAGE_MAX, 100),
});
