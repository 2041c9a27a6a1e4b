import 'server-only';
// Which sessions a statistics page or download covers: the owner (a user or a profile, in
// the viewer's scope), the period on the start date, and the page's filters.
import { sql, type SQL } from 'drizzle-orm';
import type { ErrorSource, SessionStatus } from '@/domain/sync-vocabulary';
import type { TenantViewer } from '@/lib/auth/viewer';
import type { TimeRange } from '@/lib/time/parse-instant';
import { inViewerScope } from '@/lib/scope/profile-scope';

export type SessionOwner = { kind: 'user'; id: string } | { kind: 'profile'; id: string };

export interface SessionFilter {
  owner: SessionOwner;
  range: TimeRange;
  status?: SessionStatus | null;
  errorCategory?: string | null;
  errorSource?: ErrorSource | null;
  /** One user's sessions (a profile's statistics narrowed): the user's own index serves it. */
  user?: string | null;
  ids?: string[] | null;
  /** Sessions of the period left out of a selection ("all of the period except these"). */
  except?: string[] | null;
}

const idValues = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Conditions on sync_sessions aliased `s`; the owner must already be checked in scope. */
export function sessionConditions(viewer: TenantViewer, filter: SessionFilter): SQL {
  // The session's own profile (the one its user had when it ran) decides the scope.
  const conditions: SQL[] = [inViewerScope(viewer, sql.raw('s.tenant_id'), sql.raw('s.profile_id'))];
  conditions.push(filter.owner.kind === 'user' ? sql`s.user_id = ${filter.owner.id}::uuid` : sql`s.profile_id = ${filter.owner.id}::uuid`);
  if (filter.range.from) conditions.push(sql`s.started_at >= ${filter.range.from}`);
  if (filter.range.to) conditions.push(sql`s.started_at < ${filter.range.to}`);
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`);
  if (filter.errorCategory) conditions.push(sql`s.error_category = ${filter.errorCategory}`);
  if (filter.errorSource) conditions.push(sql`s.error_source = ${filter.errorSource}`);
  if (filter.user) conditions.push(sql`s.user_id = ${filter.user}::uuid`);
  if (filter.ids) conditions.push(filter.ids.length ? sql`s.id in (${idValues(filter.ids)})` : sql`false`);
  if (filter.except?.length) conditions.push(sql`s.id not in (${idValues(filter.except)})`);
  return sql.join(conditions, sql` and `);
}
