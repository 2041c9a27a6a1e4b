// Success and Skipped as a SQL list: the sessions that end a failing streak (the user page's
// story and the alert rule on Error sessions in a row count from the last of them).
import { sql } from 'drizzle-orm';
import { HEALTHY_SESSION_STATUSES } from '@/domain/sync-vocabulary';

export const HEALTHY_STATUSES = sql`(${sql.join(
  HEALTHY_SESSION_STATUSES.map((status) => sql`${status}::sync_session_status`),
  sql`, `,
)})`;
