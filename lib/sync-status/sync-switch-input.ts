// The form of an Enable sync / Disable sync switch (a profile's or a user's): the id, checked in
// the data layer (another tenant's or an out-of-scope id is "not found"), and the new state.
import { z } from 'zod';

export const syncSwitchInput = z.object({
  id: z.string().default(''),
  enabled: z
    .string()
    .optional()
    .transform((value) => value === 'true'),
});
