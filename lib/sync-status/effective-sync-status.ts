// A user's Effective synchronization status (docs/using-the-panel.md), defined once, in SQL, so that
// lists, filters, pages and exports all agree:
//   Removed                   if the engine reported the user gone (they leave every list that
//                             does not ask for them);
//   Disabled                  if the profile or the user is switched off;
//   Disabled due to an error  if the engine reported an error newer than the admin's last enable;
//   Enabled                   otherwise.
import { sql, type SQL } from 'drizzle-orm';
import type { EffectiveSyncStatus } from './effective-sync-status-labels';

export interface StatusColumns {
  profileEnabled: SQL;
  userEnabled: SQL;
  syncErrorAt: SQL;
  syncEnabledAt: SQL;
  removedAt: SQL;
}

const raw = (alias: string, column: string) => sql.raw(`"${alias}"."${column}"`);

/** The columns of a users row aliased `user` joined to its profile aliased `profile`. */
export function statusColumns(userAlias: string, profileAlias: string): StatusColumns {
  return {
    profileEnabled: raw(profileAlias, 'sync_enabled'),
    userEnabled: raw(userAlias, 'sync_enabled'),
    syncErrorAt: raw(userAlias, 'sync_error_at'),
    syncEnabledAt: raw(userAlias, 'sync_enabled_at'),
    removedAt: raw(userAlias, 'removed_at'),
  };
}

function hasCurrentError(c: StatusColumns): SQL {
  return sql`(${c.syncErrorAt} is not null and (${c.syncEnabledAt} is null or ${c.syncErrorAt} > ${c.syncEnabledAt}))`;
}

/** The status as 'enabled' | 'disabled' | 'error' | 'removed'. */
export function effectiveSyncStatusSql(c: StatusColumns): SQL<EffectiveSyncStatus> {
  return sql<EffectiveSyncStatus>`(case
    when ${c.removedAt} is not null then 'removed'
    when not ${c.profileEnabled} or not ${c.userEnabled} then 'disabled'
    when ${hasCurrentError(c)} then 'error'
    else 'enabled' end)`;
}

/** A filter on the status, written so that indexes can serve it (errors are rare). */
export function effectiveSyncStatusIs(c: StatusColumns, status: EffectiveSyncStatus): SQL {
  if (status === 'removed') return sql`${c.removedAt} is not null`;
  const present = inDirectory(c);
  if (status === 'disabled') return sql`(${present} and (not ${c.profileEnabled} or not ${c.userEnabled}))`;
  const switchedOn = sql`${present} and ${c.profileEnabled} and ${c.userEnabled}`;
  if (status === 'error') return sql`(${c.syncErrorAt} is not null and ${switchedOn} and ${hasCurrentError(c)})`;
  return sql`(${switchedOn} and not ${hasCurrentError(c)})`;
}

/** Still in the directory: what every list and count shows unless the Removed filter asks. */
export function inDirectory(c: Pick<StatusColumns, 'removedAt'>): SQL {
  return sql`${c.removedAt} is null`;
}
