// Distinct instants as a SQL list of timestamptz values, for `time_column in (…)` beside a list of
// ids: the planner then reads only those days' partitions. A list of values, not of (time, id)
// pairs, which the embedded database cannot plan in the hundreds.
import { sql, type SQL } from 'drizzle-orm';

export function instantList(instants: Iterable<Date>): SQL {
  const distinct = [...new Set([...instants].map((instant) => instant.getTime()))];
  return sql.join(
    distinct.map((ms) => sql`${new Date(ms)}::timestamptz`),
    sql`, `,
  );
}
