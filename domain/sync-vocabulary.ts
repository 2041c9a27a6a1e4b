// The sync's vocabulary, as the engine reports it and the database stores it: one list per kind,
// in display order, and what follows from it. Dependency-free: the schema builds its enums from
// it, the ingestion schema its zod enums, the labels, parsers, SQL and components their types.
// A new word goes here, then into its label and a migration; the compiler finds the rest.

export const SESSION_STATUSES = ['ready', 'started', 'success', 'skipped', 'canceled', 'error'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The statuses a session may still leave; every other one is final and never changes again. */
export const OPEN_SESSION_STATUSES = ['ready', 'started'] as const satisfies readonly SessionStatus[];

/** A session only moves forward: ready (0) -> started (1) -> a final status (2). */
export function sessionStatusStep(status: SessionStatus): number {
  const open = OPEN_SESSION_STATUSES.indexOf(status as (typeof OPEN_SESSION_STATUSES)[number]);
  return open === -1 ? OPEN_SESSION_STATUSES.length : open;
}

/** The statuses that mean the sync is healthy: Success, and Skipped (the engine found nothing to do).
 * A user's failing streak is the Error sessions after the last of these (lib/users/sync-story.ts). */
export const HEALTHY_SESSION_STATUSES = ['success', 'skipped'] as const satisfies readonly SessionStatus[];

export const ERROR_SOURCES = ['crm', 'mail_server', 'sync_application'] as const;
export type ErrorSource = (typeof ERROR_SOURCES)[number];

export const ISSUE_TYPES = ['email', 'event', 'contact', 'task'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export const ISSUE_OPERATIONS = ['create', 'update', 'delete'] as const;
export type IssueOperation = (typeof ISSUE_OPERATIONS)[number];

export const SYNC_DIRECTIONS = ['outlook_to_salesforce', 'gmail_to_salesforce', 'salesforce_to_outlook', 'salesforce_to_gmail'] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

/** The engine's error codes of sync issues; any other code is unknown, shown with its number. */
export const ERROR_CODE_MEANINGS: Readonly<Record<number, string>> = {
  0: 'The object is active; synchronization was successful',
  1: 'The object is locked; an error occurred during the operation',
  2: 'The object has already been removed from storage',
  3: 'The object is inaccessible or was updated prematurely in storage',
};

export const TENANT_ADMIN_ROLES = ['platform_admin', 'profile_admin'] as const;
export const ADMIN_ROLES = [...TENANT_ADMIN_ROLES, 'support'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
