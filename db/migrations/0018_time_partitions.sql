-- Time partitions (written by hand: drizzle-kit does not know partitioned tables; the schema's
-- shape of each parent is in db/schema.ts). Sync sessions, their logs and log chunks are
-- partitioned by the day (UTC) the session started, sync issues by the day they occurred, one
-- partition per day, so a day past the retention leaves by dropping its partitions
-- (lib/partitions). Every existing row is moved; a partitioned table only enforces keys that hold
-- the partition column, so the engine's ids become unique in two map tables of their own.

-- The one rule for a day's partition: its name (the parent's, then _pYYYYMMDD) and its range
-- [day 00:00 UTC, next day 00:00 UTC). Creates those of the days missing in [first_day, last_day]
-- as plain tables then attached, which locks the parent only against other schema changes, never
-- against reads and writes (CREATE TABLE ... PARTITION OF would). Callers serialize (an advisory
-- lock, or the migration's). Returns how many it created.
CREATE FUNCTION day_partitions_ensure(parent regclass, first_day date, last_day date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  day date := first_day;
  partition_name text;
  created integer := 0;
BEGIN
  WHILE day <= last_day LOOP
    partition_name := (SELECT relname FROM pg_class WHERE oid = parent) || '_p' || to_char(day, 'YYYYMMDD');
    IF to_regclass(quote_ident(partition_name)) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS INCLUDING STORAGE)', partition_name, parent);
      EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        parent, partition_name, day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
      created := created + 1;
    END IF;
    day := day + 1;
  END LOOP;
  RETURN created;
END $$;
--> statement-breakpoint
-- The day partitions of a parent, oldest first.
CREATE FUNCTION day_partitions(parent regclass) RETURNS TABLE (partition_name text, day date)
LANGUAGE sql STABLE AS $$
  SELECT c.relname::text, to_date(right(c.relname::text, 8), 'YYYYMMDD')
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = parent AND c.relname ~ '_p[0-9]{8}$'
  ORDER BY 2
$$;
--> statement-breakpoint
-- The maps' keys are built after their rows arrive: one sorted build, compact, where keeping
-- them row by row in the engine ids' order would leave the index pages half full.
CREATE TABLE "sync_issue_engine_ids" (
	"tenant_id" uuid NOT NULL,
	"engine_id" text NOT NULL,
	"issue_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_session_engine_ids" (
	"tenant_id" uuid NOT NULL,
	"engine_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO sync_session_engine_ids (tenant_id, engine_id, session_id, started_at)
  SELECT tenant_id, engine_id, id, started_at FROM sync_sessions;
--> statement-breakpoint
INSERT INTO sync_issue_engine_ids (tenant_id, engine_id, issue_id, occurred_at)
  SELECT tenant_id, engine_id, id, occurred_at FROM sync_issues;
--> statement-breakpoint
ALTER TABLE "sync_session_engine_ids" ADD CONSTRAINT "sync_session_engine_ids_pkey" PRIMARY KEY("tenant_id","engine_id");
--> statement-breakpoint
ALTER TABLE "sync_issue_engine_ids" ADD CONSTRAINT "sync_issue_engine_ids_pkey" PRIMARY KEY("tenant_id","engine_id");
--> statement-breakpoint
-- The logs' and chunks' foreign keys to the sessions go: they leave with the sessions' day.
ALTER TABLE "sync_session_log_chunks" DROP CONSTRAINT "sync_session_log_chunks_session_fk";
--> statement-breakpoint
ALTER TABLE "sync_session_logs" DROP CONSTRAINT "sync_session_logs_tenant_id_session_started_at_session_id_sync_sessions_tenant_id_started_at_id_fk";
--> statement-breakpoint
-- Each table: the old one renamed, a partitioned one of the same shape, the partitions of the
-- days its rows fall in, the rows moved, the old one dropped, then the keys and indexes (built
-- once per partition, faster than keeping them while the rows arrive).
ALTER TABLE "sync_sessions" RENAME TO "sync_sessions_unpartitioned";
--> statement-breakpoint
CREATE TABLE "sync_sessions" (LIKE "sync_sessions_unpartitioned" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE ("started_at");
--> statement-breakpoint
SELECT day_partitions_ensure('sync_sessions', min(started_at AT TIME ZONE 'UTC')::date, max(started_at AT TIME ZONE 'UTC')::date)
  FROM sync_sessions_unpartitioned HAVING count(*) > 0;
--> statement-breakpoint
INSERT INTO "sync_sessions" SELECT * FROM "sync_sessions_unpartitioned";
--> statement-breakpoint
DROP TABLE "sync_sessions_unpartitioned";
--> statement-breakpoint
ALTER TABLE "sync_sessions" ADD CONSTRAINT "sync_sessions_tenant_id_started_at_id_pk" PRIMARY KEY("tenant_id","started_at","id");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_id_idx" ON "sync_sessions" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_user_started_idx" ON "sync_sessions" USING btree ("tenant_id","user_id","started_at","id");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_profile_started_idx" ON "sync_sessions" USING btree ("tenant_id","profile_id","started_at","id");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_profile_status_idx" ON "sync_sessions" USING btree ("tenant_id","profile_id","status","started_at","id");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_profile_ended_idx" ON "sync_sessions" USING btree ("tenant_id","profile_id","ended_at","id","started_at");
--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_profile_running_idx" ON "sync_sessions" USING btree ("tenant_id","profile_id","started_at","id") WHERE "ended_at" is null;
--> statement-breakpoint
ALTER TABLE "sync_session_logs" RENAME TO "sync_session_logs_unpartitioned";
--> statement-breakpoint
CREATE TABLE "sync_session_logs" (LIKE "sync_session_logs_unpartitioned" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE ("session_started_at");
--> statement-breakpoint
-- The sessions' days: a session's log and chunks live in its day (logs stored before chunking
-- get their chunks after this migration).
SELECT day_partitions_ensure('sync_session_logs', min(started_at AT TIME ZONE 'UTC')::date, max(started_at AT TIME ZONE 'UTC')::date)
  FROM sync_sessions HAVING count(*) > 0;
--> statement-breakpoint
INSERT INTO "sync_session_logs" SELECT * FROM "sync_session_logs_unpartitioned";
--> statement-breakpoint
DROP TABLE "sync_session_logs_unpartitioned";
--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD CONSTRAINT "sync_session_logs_tenant_id_session_started_at_session_id_pk" PRIMARY KEY("tenant_id","session_started_at","session_id");
--> statement-breakpoint
ALTER TABLE "sync_session_log_chunks" RENAME TO "sync_session_log_chunks_unpartitioned";
--> statement-breakpoint
CREATE TABLE "sync_session_log_chunks" (LIKE "sync_session_log_chunks_unpartitioned" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE ("session_started_at");
--> statement-breakpoint
-- The sessions' days: a session's log and chunks live in its day (logs stored before chunking
-- get their chunks after this migration).
SELECT day_partitions_ensure('sync_session_log_chunks', min(started_at AT TIME ZONE 'UTC')::date, max(started_at AT TIME ZONE 'UTC')::date)
  FROM sync_sessions HAVING count(*) > 0;
--> statement-breakpoint
INSERT INTO "sync_session_log_chunks" SELECT * FROM "sync_session_log_chunks_unpartitioned";
--> statement-breakpoint
DROP TABLE "sync_session_log_chunks_unpartitioned";
--> statement-breakpoint
ALTER TABLE "sync_session_log_chunks" ADD CONSTRAINT "sync_session_log_chunks_pkey" PRIMARY KEY("tenant_id","session_started_at","session_id","upload_id","chunk_no");
--> statement-breakpoint
CREATE INDEX "sync_session_log_chunks_line_idx" ON "sync_session_log_chunks" USING btree ("tenant_id","session_started_at","session_id","upload_id","newlines_before");
--> statement-breakpoint
ALTER TABLE "sync_issues" RENAME TO "sync_issues_unpartitioned";
--> statement-breakpoint
CREATE TABLE "sync_issues" (LIKE "sync_issues_unpartitioned" INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
SELECT day_partitions_ensure('sync_issues', min(occurred_at AT TIME ZONE 'UTC')::date, max(occurred_at AT TIME ZONE 'UTC')::date)
  FROM sync_issues_unpartitioned HAVING count(*) > 0;
--> statement-breakpoint
INSERT INTO "sync_issues" SELECT * FROM "sync_issues_unpartitioned";
--> statement-breakpoint
DROP TABLE "sync_issues_unpartitioned";
--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_user_occurred_idx" ON "sync_issues" USING btree ("tenant_id","user_id","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_profile_occurred_idx" ON "sync_issues" USING btree ("tenant_id","profile_id","occurred_at","id");
--> statement-breakpoint
-- No JIT compilation for the panel's database: a statement over a table's ~90 day partitions is
-- estimated costly enough to compile thousands of expressions, which took seconds each time
-- (a ZIP of 1,000 logs 0.6 s -> 11.8 s, a CSV of a million sessions 3.8 s -> 11 s, measured),
-- far more than any of these statements runs. Needs the database's owner; otherwise the
-- operator sets it (docs/retention.md).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'JIT stays on: run ALTER DATABASE % SET jit = off as its owner', current_database();
END $$;
