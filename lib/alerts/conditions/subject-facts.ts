import 'server-only';
// The subject of an alert as its facts name it: a user (with their profile) or a profile, from
// rows aliased `u` and `p`. One shape for every condition, so the notifications and the history
// link the same way whatever the rule.
import { sql, type SQL } from 'drizzle-orm';

export const userSubject = sql`'user:' || u.id`;
export const profileSubject = sql`'profile:' || p.id`;

/** `figures` is a jsonb_build_object(...) of the condition's figures. */
export const userFacts = (figures: SQL) =>
  sql`jsonb_build_object('user', jsonb_build_object('id', u.id, 'email', u.email, 'name', u.name), 'profile', jsonb_build_object('id', p.id, 'name', p.name), 'figures', ${figures})`;

export const profileFacts = (figures: SQL) => sql`jsonb_build_object('profile', jsonb_build_object('id', p.id, 'name', p.name), 'figures', ${figures})`;
