// The fields server actions' schemas are built from, so a malformed form says what is wrong
// instead of reaching the database.
import { z } from 'zod';

/** A form's text field; absent is empty (the data layer answers what is missing). */
export const formText = z.string().default('');

/** The id of a record a form acts on (a tenant, an admin, a token). */
export const recordId = (noun: string) => z.uuid({ error: `That ${noun} id is not valid: it must be a UUID, as in the page's links.` });
