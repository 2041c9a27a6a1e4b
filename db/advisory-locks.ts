// The keys of PostgreSQL advisory locks, in one place so no two uses collide. A class takes a
// second key (the tenant, by hashtext) where the lock is per tenant.
export const ADVISORY_LOCKS = {
  /** Transaction lock while migrations run: one instance migrates, the others wait. */
  migration: 727_001,
  /** Transaction lock per tenant: a tenant's batches take turns. */
  ingestion: 727_002,
  /** Transaction lock per tenant, tried: one instance moves a tenant's period rollups to a new day. */
  windowMove: 727_003,
  /** Transaction lock per tenant: a tenant's sync requests are numbered in commit order. */
  syncRequests: 727_004,
  /** Transaction lock per tenant, tried: one instance recounts a tenant's rollups for its new time zone. */
  timeZoneChange: 727_005,
  /** Transaction lock per tenant: one evaluation of a tenant's alert rules at a time. */
  alerts: 727_006,
  /** Transaction lock held while one starting instance seeds the demo data: the others wait, then find it seeded. */
  demoSeed: 727_007,
  /** Transaction lock while day partitions are created (lib/partitions): instances take turns. */
  partitions: 727_008,
  /** Transaction lock held by the instance applying the retention (lib/partitions): tried, the others skip. */
  retention: 727_009,
} as const;
