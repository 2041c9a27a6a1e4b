// The schema field of an instant in page cursors and the engine's batches.
import { z } from 'zod';
import { INSTANT_RANGE_WORDS, isInInstantRange } from './parse-instant';

/** An ISO 8601 date-time with a time zone, inside the range the panel accepts. */
export const instantText = (message = 'must be an ISO 8601 date-time with a time zone') =>
  z.iso.datetime({ offset: true, message, abort: true }).refine((text) => isInInstantRange(new Date(text)), `must be ${INSTANT_RANGE_WORDS}`);
