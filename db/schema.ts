// The one schema of the panel.
// Global lookup tables: tenants, their SSO issuers, admins, identities, ingestion tokens.
// Tenant data carries tenant_id leading every primary key, unique key and index, so that
// row-level security, time partitioning of sessions and a Citus distribution on tenant_id
// need no rewrite.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Relative, not '@/': drizzle-kit reads this file without the app's path aliases.
import { ADMIN_ROLES, ERROR_SOURCES, ISSUE_OPERATIONS, ISSUE_TYPES, SESSION_STATUSES, SYNC_DIRECTIONS } from '../domain/sync-vocabulary';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

// jsonb for setting values (a string or a boolean). Drizzle's own jsonb parses again what the
// drivers have already parsed, turning the string "15" into the number 15.
const settingValueColumn = customType<{ data: string | boolean; driverData: string | boolean }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// The enums' words come from the sync vocabulary (domain/sync-vocabulary.ts).
export const adminRole = pgEnum('admin_role', ADMIN_ROLES);
export const syncSessionStatus = pgEnum('sync_session_status', SESSION_STATUSES);
export const errorSource = pgEnum('error_source', ERROR_SOURCES);
export const syncIssueType = pgEnum('sync_issue_type', ISSUE_TYPES);
export const syncIssueOperation = pgEnum('sync_issue_operation', ISSUE_OPERATIONS);
export const syncDirection = pgEnum('sync_direction', SYNC_DIRECTIONS);

// ---------------------------------------------------------------- global lookup tables

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // Granted and revoked by the vendor's support only.
  panelAccessGranted: boolean('panel_access_granted').notNull().default(false),
  panelAccessChangedAt: timestamp('panel_access_changed_at', { withTimezone: true }),
  // When the tenant's sync engine last sent a batch: how fresh every page's data is.
  lastBatchAt: timestamp('last_batch_at', { withTimezone: true }),
  // The organisation's time zone (IANA name): its days on the overview, in the rollups and on
  // every page. A platform admin's change waits in time_zone_pending until the rollups are
  // recounted in the new zone (lib/tenants/tenant-time-zone.ts), then becomes time_zone.
  timeZone: text('time_zone').notNull().default('UTC'),
  timeZonePending: text('time_zone_pending'),
  timeZonePendingSince: timestamp('time_zone_pending_since', { withTimezone: true }),
  createdAt: createdAt(),
});

// The OpenID Connect issuers whose identities may map to this tenant's admins.
// For Microsoft Entra ID the tenant id (`tid` claim) must match as well.
export const tenantSsoIssuers = pgTable(
  'tenant_sso_issuers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    entraTenantId: text('entra_tenant_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tenant_sso_issuers_tenant_issuer_key').on(t.tenantId, t.issuer)],
);

// The vendor's own issuers: identities from them may map to support agents only.
export const supportSsoIssuers = pgTable('support_sso_issuers', {
  issuer: text('issuer').primaryKey(),
  createdAt: createdAt(),
});

// Tenant admins (tenant_id set) and the vendor's support agents (tenant_id null).
export const admins = pgTable(
  'admins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: adminRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('admins_tenant_email_key').on(t.tenantId, t.email).nullsNotDistinct(),
    index('admins_email_idx').on(t.email),
  ],
);

// A signed-in session of an admin: started at sign-in, ended at sign-out or when support revokes
// the tenant's access (a removed admin's go with the admin). The session cookie names it, and
// every request checks it is still live, so an ended session's cookie opens nothing.
export const adminSessions = pgTable(
  'admin_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('admin_sessions_admin_idx').on(t.adminId), index('admin_sessions_expires_idx').on(t.expiresAt)],
);

// An SSO identity (issuer + subject) remembered once it was matched to an admin.
export const adminIdentities = pgTable(
  'admin_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('admin_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('admin_identities_admin_idx').on(t.adminId),
  ],
);

// Bearer tokens of the sync engine: only a SHA-256 hash is kept.
export const ingestionTokens = pgTable(
  'ingestion_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('ingestion_tokens_tenant_idx').on(t.tenantId)],
);

// Facts about this installation, such as whether the demo data was seeded completely.
export const instanceMetadata = pgTable('instance_metadata', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- tenant data

// Directory columns (engine_id, name) are written by the sync engine only; the sync switch
// columns by admins only. Neither writer touches the other's columns.
export const profiles = pgTable(
  'profiles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    engineId: text('engine_id').notNull(),
    name: text('name').notNull(),
    syncEnabled: boolean('sync_enabled').notNull().default(true),
    syncEnabledChangedAt: timestamp('sync_enabled_changed_at', { withTimezone: true }),
    // When the engine reported the profile removed (a batch's `removed: true`); null while it is
    // in the directory. A profile is removed only once it has no users left.
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('profiles_tenant_engine_id_key').on(t.tenantId, t.engineId),
    index('profiles_tenant_name_idx').on(t.tenantId, t.name, t.id),
  ],
);

export const users = pgTable(
  'users',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    // Directory, from the engine. Users are matched by email (lower case).
    email: text('email').notNull(),
    name: text('name').notNull(),
    profileId: uuid('profile_id').notNull(),
    // Observed by the engine: the last sync error, cleared by the engine with null.
    syncErrorReason: text('sync_error_reason'),
    syncErrorAt: timestamp('sync_error_at', { withTimezone: true }),
    // The admin's switch, and when an admin last enabled it: errors reported before
    // that moment no longer count.
    syncEnabled: boolean('sync_enabled').notNull().default(true),
    syncEnabledAt: timestamp('sync_enabled_at', { withTimezone: true }),
    syncEnabledChangedAt: timestamp('sync_enabled_changed_at', { withTimezone: true }),
    // When the engine reported the user gone (left the company): out of the lists, the counts
    // and sync-state, their sessions, issues and logs kept. Null again when reported again.
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.profileId], foreignColumns: [profiles.tenantId, profiles.id] }),
    uniqueIndex('users_tenant_email_key').on(t.tenantId, t.email),
    index('users_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('users_tenant_profile_name_idx').on(t.tenantId, t.profileId, t.name, t.id),
    index('users_tenant_profile_status_idx').on(t.tenantId, t.profileId, t.syncEnabled),
    // Users with a reported error: few, and the ones "Disabled due to an error" come from here.
    index('users_tenant_sync_error_idx')
      .on(t.tenantId, t.syncErrorAt)
      .where(sql`${t.syncErrorAt} is not null`),
    // The Removed filter: few users, newest removal first.
    index('users_tenant_removed_idx')
      .on(t.tenantId, t.removedAt)
      .where(sql`${t.removedAt} is not null`),
  ],
);

// "Sync now": an admin asks the engine to start a session for a user at once. The engine reads
// them as a feed of their own (GET /api/ingest/v1/sync-requests, by `seq`) and names the request
// a session answers (`sessions[].requestId`). `seq` counts a tenant's requests in the order they
// were committed (lib/sync-requests/request-sync.ts takes them in turn), so a cursor never
// passes a request committed later.
export const syncRequests = pgTable(
  'sync_requests',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedByAdminId: uuid('requested_by_admin_id').references(() => admins.id, { onDelete: 'set null' }),
    requestedByLabel: text('requested_by_label').notNull(),
    // The session that answered, once the engine reports it.
    sessionId: uuid('session_id'),
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'sync_requests_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('sync_requests_tenant_seq_key').on(t.tenantId, t.seq),
    index('sync_requests_tenant_user_idx').on(t.tenantId, t.userId, t.requestedAt),
    foreignKey({ name: 'sync_requests_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);

// One sync run of one user. Partitioned by day of started_at (UTC), like its logs and the sync
// issues: db/migrations/0018_time_partitions.sql makes the partitions' rules, lib/partitions
// creates the coming days' and drops those past the retention. Drizzle cannot declare a
// partitioned table, so this is the parent's shape; a partitioned table can only enforce keys
// that hold the partition column, so the engine's id is unique in syncSessionEngineIds, and the
// user and profile are not foreign keys (users and profiles are never deleted; a foreign key
// would lock them whenever a day's partition comes or goes).
export const syncSessions = pgTable(
  'sync_sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    id: uuid('id').notNull().defaultRandom(),
    engineId: text('engine_id').notNull(),
    userId: uuid('user_id').notNull(),
    // The profile the user had when the session ran.
    profileId: uuid('profile_id').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    status: syncSessionStatus('status').notNull(),
    scope: integer('scope'),
    changes: integer('changes'),
    issues: integer('issues'),
    errorCategory: text('error_category'),
    errorSource: errorSource('error_source'),
    message: text('message'),
    hasLog: boolean('has_log').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.startedAt, t.id] }),
    // A session's page and log by the session's id (every partition's index is asked).
    index('sync_sessions_tenant_id_idx').on(t.tenantId, t.id),
    index('sync_sessions_tenant_user_started_idx').on(t.tenantId, t.userId, t.startedAt, t.id),
    index('sync_sessions_tenant_profile_started_idx').on(t.tenantId, t.profileId, t.startedAt, t.id),
    // The profile statistics' other sorts (lib/sessions/session-order.ts), one index range per
    // segment. A user's sessions in a period are few enough to sort without them.
    index('sync_sessions_tenant_profile_status_idx').on(t.tenantId, t.profileId, t.status, t.startedAt, t.id),
    // started_at last: the period is checked inside the index while walking the end dates.
    index('sync_sessions_tenant_profile_ended_idx').on(t.tenantId, t.profileId, t.endedAt, t.id, t.startedAt),
    index('sync_sessions_tenant_profile_running_idx')
      .on(t.tenantId, t.profileId, t.startedAt, t.id)
      .where(sql`${t.endedAt} is null`),
  ],
);

// The engine's id of every stored session, and where the session is: the uniqueness a
// partitioned sync_sessions cannot hold, and the way from the engine's id to the row's key.
// Rows leave with their day's partition (lib/partitions/retention.ts).
export const syncSessionEngineIds = pgTable(
  'sync_session_engine_ids',
  {
    tenantId: uuid('tenant_id').notNull(),
    engineId: text('engine_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'sync_session_engine_ids_pkey', columns: [t.tenantId, t.engineId] })],
);

// Session logs live apart from session rows: they can be gigabytes. This row says what a log
// is (its size, CRC-32 and line count for the ZIP and the viewer, its first ERROR line and its
// errors grouped by pattern, found while it was stored) and which upload holds its text; the
// text is in sync_session_log_chunks (lib/logs/log-blocks.ts says how).
export const syncSessionLogs = pgTable(
  'sync_session_logs',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }).notNull(),
    // The chunks of the upload that is this log. Null only for a log stored before logs were
    // chunked, until start-up converts it (lib/logs/convert-legacy-logs.ts).
    uploadId: uuid('upload_id'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    deflatedBytes: bigint('deflated_bytes', { mode: 'number' }).notNull().default(0),
    crc32: bigint('crc32', { mode: 'number' }).notNull(),
    lineCount: bigint('line_count', { mode: 'number' }).notNull().default(0),
    firstErrorLine: bigint('first_error_line', { mode: 'number' }),
    errorPatterns: jsonb('error_patterns').notNull().default([]),
    // A log as stored before chunking: one DEFLATE stream, converted at start-up.
    legacyDeflated: bytea('legacy_deflated'),
    createdAt: createdAt(),
  },
  // Partitioned by day of session_started_at, like the sessions, and dropped with them.
  (t) => [primaryKey({ columns: [t.tenantId, t.sessionStartedAt, t.sessionId] })],
);

// A log's text in rows of at most 1 MB of compressed blocks, keyed like the tenant's other data
// and by the upload they belong to: a new upload writes its chunks beside the current ones and
// takes their place in one short transaction at its end, so an upload that breaks off leaves
// the previous log whole. `deflated` is stored uncompressed by PostgreSQL (it is compressed
// already), so a block is read from the middle of a chunk without reading all of it.
export const syncSessionLogChunks = pgTable(
  'sync_session_log_chunks',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }).notNull(),
    sessionId: uuid('session_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    chunkNo: integer('chunk_no').notNull(),
    // Newlines in the log before this chunk: line n starts in the last chunk with fewer than n-1.
    newlinesBefore: bigint('newlines_before', { mode: 'number' }).notNull(),
    newlines: integer('newlines').notNull(),
    uncompressedOffset: bigint('uncompressed_offset', { mode: 'number' }).notNull(),
    uncompressedBytes: integer('uncompressed_bytes').notNull(),
    deflated: bytea('deflated').notNull(),
    // The chunk's blocks: (newlines before, uncompressed offset, compressed offset) each.
    blocks: bytea('blocks').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Named: the generated names pass PostgreSQL's 63 characters and would collide.
    primaryKey({ name: 'sync_session_log_chunks_pkey', columns: [t.tenantId, t.sessionStartedAt, t.sessionId, t.uploadId, t.chunkNo] }),
    index('sync_session_log_chunks_line_idx').on(t.tenantId, t.sessionStartedAt, t.sessionId, t.uploadId, t.newlinesBefore),
  ],
);

// Streamed log uploads in progress: their chunks are written before they become the log, so an
// upload cut off by a crash leaves chunks no log points to; the scheduled sweep removes those
// of uploads older than the longest an upload may take (lib/logs/log-uploads.ts).
export const syncSessionLogUploads = pgTable(
  'sync_session_log_uploads',
  {
    tenantId: uuid('tenant_id').notNull(),
    uploadId: uuid('upload_id').notNull(),
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }).notNull(),
    sessionId: uuid('session_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.uploadId] }), index('sync_session_log_uploads_started_idx').on(t.startedAt)],
);

// An object the sync could not create, update or delete. Partitioned by day of occurred_at, like
// the sessions (see there); the engine's id is unique in syncIssueEngineIds.
export const syncIssues = pgTable(
  'sync_issues',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    engineId: text('engine_id').notNull(),
    userId: uuid('user_id').notNull(),
    profileId: uuid('profile_id').notNull(),
    sessionId: uuid('session_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    type: syncIssueType('type').notNull(),
    direction: syncDirection('direction').notNull(),
    name: text('name').notNull(),
    operation: syncIssueOperation('operation').notNull(),
    // Any integer: codes the panel does not know are shown as unknown, never dropped.
    errorCode: integer('error_code').notNull(),
    description: text('description'),
    errorSource: errorSource('error_source'),
    targetObjectId: text('target_object_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.occurredAt, t.id] }),
    index('sync_issues_tenant_user_occurred_idx').on(t.tenantId, t.userId, t.occurredAt, t.id),
    index('sync_issues_tenant_profile_occurred_idx').on(t.tenantId, t.profileId, t.occurredAt, t.id),
  ],
);

// The engine's id of every stored sync issue and where the issue is (see syncSessionEngineIds).
export const syncIssueEngineIds = pgTable(
  'sync_issue_engine_ids',
  {
    tenantId: uuid('tenant_id').notNull(),
    engineId: text('engine_id').notNull(),
    issueId: uuid('issue_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'sync_issue_engine_ids_pkey', columns: [t.tenantId, t.engineId] })],
);

// A profile's sync and customization settings (lib/settings/catalog.ts): its value, which users
// get unless they chose their own, and whether it is forced on them. No row: the catalog default.
export const profileSettings = pgTable(
  'profile_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    profileId: uuid('profile_id').notNull(),
    key: text('key').notNull(),
    value: settingValueColumn('value').notNull(),
    forced: boolean('forced').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.profileId, t.key] }),
    foreignKey({ columns: [t.tenantId, t.profileId], foreignColumns: [profiles.tenantId, profiles.id] }).onDelete('cascade'),
  ],
);

export const settingOrigin = pgEnum('setting_origin', ['admin', 'engine']);

// A user's own value of a setting: set by an admin in the panel, or chosen by the user in the
// add-in and reported by the engine. A forced profile value wins over it.
export const userSettings = pgTable(
  'user_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    value: settingValueColumn('value').notNull(),
    origin: settingOrigin('origin').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.key] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------- daily rollups
// What the overview shows, kept up to date by ingestion (lib/rollups) in the batch's own
// transaction, so the overview never scans sessions or issues. Days are UTC dates; the profile
// is the session's (the one its user had when it ran). Empty text stands for "none" in key
// columns. lib/rollups/rebuild-rollups.ts recomputes them from the rows (generators, checks).

export const dailySessionCounts = pgTable(
  'daily_session_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    profileId: uuid('profile_id').notNull(),
    status: syncSessionStatus('status').notNull(),
    errorCategory: text('error_category').notNull().default(''),
    errorSource: text('error_source').notNull().default(''),
    sessions: integer('sessions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.profileId, t.status, t.errorCategory, t.errorSource] }),
    // Covering: a profile admin's chart reads their profiles' days from the index only.
    index('daily_session_counts_profile_day_idx').on(t.tenantId, t.profileId, t.day, t.status, t.sessions),
  ],
);

export const dailyIssueCounts = pgTable(
  'daily_issue_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    profileId: uuid('profile_id').notNull(),
    type: syncIssueType('type').notNull(),
    errorCode: integer('error_code').notNull(),
    issues: integer('issues').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.profileId, t.type, t.errorCode] })],
);

// Per user and day, only where something went wrong: sessions in error and sync issues.
export const dailyUserProblems = pgTable(
  'daily_user_problems',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    userId: uuid('user_id').notNull(),
    profileId: uuid('profile_id').notNull(),
    errorSessions: integer('error_sessions').notNull(),
    issues: integer('issues').notNull(),
  },
  // Read by day ranges only (moving the period rollups): the primary key serves.
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.userId, t.profileId] })],
);

// All profiles' sessions per day and status: the overview's chart for admins of every profile
// reads 90 x 6 rows here instead of every profile's rows of daily_session_counts.
export const dailyStatusCounts = pgTable(
  'daily_status_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    status: syncSessionStatus('status').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.status] })],
);

// ---------------------------------------------------------------- period rollups
// The daily rollups summed over each overview period (the last 1, 7, 30 and 90 days ending on
// as_of), so the overview reads a row per profile and key, or the ten worst users by index,
// whatever the number of days and sessions. lib/rollups/rollup-windows.ts moves as_of to today
// (adding the new days, subtracting the ones that left) and ingestion adds its deltas.

export const rollupWindows = pgTable('rollup_windows', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  // The last day of every period; null until first built.
  asOf: date('as_of', { mode: 'string' }),
});

export const windowSessionCounts = pgTable(
  'window_session_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    days: smallint('days').notNull(),
    profileId: uuid('profile_id').notNull(),
    status: syncSessionStatus('status').notNull(),
    errorCategory: text('error_category').notNull(),
    errorSource: text('error_source').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.days, t.profileId, t.status, t.errorCategory, t.errorSource] })],
);

export const windowIssueCounts = pgTable(
  'window_issue_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    days: smallint('days').notNull(),
    profileId: uuid('profile_id').notNull(),
    type: syncIssueType('type').notNull(),
    errorCode: integer('error_code').notNull(),
    issues: integer('issues').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.days, t.profileId, t.type, t.errorCode] })],
);

export const windowUserProblems = pgTable(
  'window_user_problems',
  {
    tenantId: uuid('tenant_id').notNull(),
    days: smallint('days').notNull(),
    userId: uuid('user_id').notNull(),
    profileId: uuid('profile_id').notNull(),
    errorSessions: integer('error_sessions').notNull(),
    issues: integer('issues').notNull(),
    problems: integer('problems').generatedAlwaysAs(sql`error_sessions + issues`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.days, t.userId, t.profileId] }),
    // The worst users of a period: read backwards, ten entries.
    index('window_user_problems_ranking_idx').on(t.tenantId, t.days, t.problems, t.userId),
  ],
);

// Profile admins see only the profiles listed here; platform admins see all of their tenant's.
export const adminProfileScopes = pgTable(
  'admin_profile_scopes',
  {
    tenantId: uuid('tenant_id').notNull(),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.adminId, t.profileId] }),
    foreignKey({ columns: [t.tenantId, t.profileId], foreignColumns: [profiles.tenantId, profiles.id] }).onDelete(
      'cascade',
    ),
  ],
);

// Who changed what: grants, revokes, admin changes, sync toggles, token changes.
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    id: uuid('id').notNull().defaultRandom(),
    // Null when the change came from the command line or the system.
    actorAdminId: uuid('actor_admin_id').references(() => admins.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.occurredAt, t.id] }),
    index('audit_events_tenant_action_idx').on(t.tenantId, t.action, t.occurredAt),
  ],
);

// The users one audit event changed, when it changed many at once (a bulk enable or disable):
// one row each, so the event stays one row and its list can be downloaded, however long.
// Keyed by email within the event, the order the download reads them in.
export const auditEventUsers = pgTable(
  'audit_event_users',
  {
    tenantId: uuid('tenant_id').notNull(),
    eventOccurredAt: timestamp('event_occurred_at', { withTimezone: true }).notNull(),
    eventId: uuid('event_id').notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    // The user's Effective synchronization status before the change: enabled, disabled or error.
    statusBefore: text('status_before').notNull(),
  },
  (t) => [
    primaryKey({ name: 'audit_event_users_pkey', columns: [t.tenantId, t.eventId, t.email] }),
    foreignKey({
      name: 'audit_event_users_event_fk',
      columns: [t.tenantId, t.eventOccurredAt, t.eventId],
      foreignColumns: [auditEvents.tenantId, auditEvents.occurredAt, auditEvents.id],
    }).onDelete('cascade'),
  ],
);

// An organisation's own note on an error category ("open a ticket with IT"), written by a
// platform admin and shown to the tenant's admins beside the panel's explanation.
export const errorCategoryNotes = pgTable(
  'error_category_notes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    note: text('note').notNull(),
    updatedAt: updatedAt(),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [primaryKey({ name: 'error_category_notes_pkey', columns: [t.tenantId, t.category] })],
);

// ---------------------------------------------------------------- alerts (lib/alerts)

// Where notifications go: a webhook (signed with its own secret) or email addresses.
export const alertChannels = pgTable(
  'alert_channels',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    // The webhook's URL, or the email addresses (comma-separated).
    target: text('target').notNull(),
    // A webhook's HMAC-SHA256 key: kept to sign, shown once at creation.
    secret: text('secret'),
    createdAt: createdAt(),
    createdByLabel: text('created_by_label').notNull(),
  },
  (t) => [primaryKey({ name: 'alert_channels_pkey', columns: [t.tenantId, t.id] })],
);

// What to be told about. A rule sees only the profiles its owner may see when it runs (and of
// those, the chosen ones when profile_ids is set): an owner who loses a profile takes it from
// their rules too.
export const alertRules = pgTable(
  'alert_rules',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    params: jsonb('params').notNull().default({}),
    // Null for a suggested rule nobody has taken on yet: it is off and sees nothing; the admin
    // who turns it on or edits it becomes its owner.
    ownerAdminId: uuid('owner_admin_id').references(() => admins.id, { onDelete: 'cascade' }),
    profileIds: uuid('profile_ids').array(),
    enabled: boolean('enabled').notNull().default(false),
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'alert_rules_pkey', columns: [t.tenantId, t.id] })],
);

export const alertRuleChannels = pgTable(
  'alert_rule_channels',
  {
    tenantId: uuid('tenant_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    channelId: uuid('channel_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'alert_rule_channels_pkey', columns: [t.tenantId, t.ruleId, t.channelId] }),
    foreignKey({ name: 'alert_rule_channels_rule_fk', columns: [t.tenantId, t.ruleId], foreignColumns: [alertRules.tenantId, alertRules.id] }).onDelete('cascade'),
    foreignKey({ name: 'alert_rule_channels_channel_fk', columns: [t.tenantId, t.channelId], foreignColumns: [alertChannels.tenantId, alertChannels.id] }).onDelete('cascade'),
  ],
);

// An alert is open while its rule's condition holds for a subject (a user, a profile, the
// tenant): one row from the moment it starts to hold until it clears. At most one open per rule
// and subject, so a condition that keeps holding notifies once.
export const alertStates = pgTable(
  'alert_states',
  {
    tenantId: uuid('tenant_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    subject: text('subject').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // What the rule saw when it opened: the figures its notifications carry.
    facts: jsonb('facts').notNull(),
  },
  (t) => [
    primaryKey({ name: 'alert_states_pkey', columns: [t.tenantId, t.ruleId, t.subject, t.openedAt] }),
    foreignKey({ name: 'alert_states_rule_fk', columns: [t.tenantId, t.ruleId], foreignColumns: [alertRules.tenantId, alertRules.id] }).onDelete('cascade'),
    uniqueIndex('alert_states_open_key')
      .on(t.tenantId, t.ruleId, t.subject)
      .where(sql`${t.closedAt} is null`),
  ],
);

// Every notification, sent or not: the delivery queue and the history. The idempotency key is
// the same on every attempt, so a receiver can drop a redelivery.
export const alertNotifications = pgTable(
  'alert_notifications',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    ruleId: uuid('rule_id'),
    channelId: uuid('channel_id').notNull(),
    subject: text('subject'),
    // alert, recovery, test
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    payload: jsonb('payload').notNull(),
    // pending, sending, retrying, sent, failed
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    responseCode: integer('response_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'alert_notifications_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('alert_notifications_idempotency_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'alert_notifications_channel_fk', columns: [t.tenantId, t.channelId], foreignColumns: [alertChannels.tenantId, alertChannels.id] }).onDelete('cascade'),
    // The delivery's next work, across tenants: few rows at a time.
    index('alert_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending', 'retrying')`),
    index('alert_notifications_history_idx').on(t.tenantId, t.createdAt),
  ],
);

// Demo mode only: what the demo's own receivers got (the webhook route and the SMTP sink beside
// the demo identity provider), so an admin sees alerts arrive without any outside service. The
// newest 200 per tenant are kept.
export const demoInbox = pgTable(
  'demo_inbox',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    // webhook, email
    via: text('via').notNull(),
    summary: text('summary').notNull(),
    detail: text('detail').notNull(),
    // A webhook's signature checked against its channel's secret; null for email.
    signatureValid: boolean('signature_valid'),
  },
  (t) => [primaryKey({ name: 'demo_inbox_pkey', columns: [t.tenantId, t.id] }), index('demo_inbox_received_idx').on(t.tenantId, t.receivedAt)],
);

// Per-admin UI preferences, such as the visible columns of each table.
export const adminPreferences = pgTable(
  'admin_preferences',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.adminId, t.key] })],
);

export type Tenant = typeof tenants.$inferSelect;
export type Admin = typeof admins.$inferSelect;
export type Profile = typeof profiles.$inferSelect;
export type User = typeof users.$inferSelect;
export type SyncSession = typeof syncSessions.$inferSelect;
export type SyncIssue = typeof syncIssues.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
