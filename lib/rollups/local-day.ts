// The day a session or an issue counts on: its date in the tenant's time zone (tenants.time_zone).
// One expression for the rollups a batch moves, their rebuild, and the tests' direct aggregates,
// so a day means the same everywhere; a zone change recounts every rollup (lib/tenants).
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export const localDay = (instant: PgColumn | SQL, zone: PgColumn | SQL): SQL => sql`(${instant} at time zone ${zone})::date`;
