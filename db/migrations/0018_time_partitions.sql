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
-- Moves a table into day partitions: the old one renamed, a partitioned one of the same shape,
-- the partitions of the days its rows fall in (the days of days_table.days_column: a session's
-- logs and chunks take the sessions' days, whose logs stored before chunking get their chunks
-- after this migration), the rows moved, the old one dropped. The keys and indexes follow each
-- move (built once per partition, faster than keeping them while the rows arrive).
CREATE FUNCTION move_into_day_partitions(table_name text, time_column text, days_table text, days_column text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  old_name text := table_name || '_unpartitioned';
  first_day date;
  last_day date;
BEGIN
  EXECUTE format('ALTER TABLE %I RENAME TO %I', table_name, old_name);
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE (%I)', table_name, old_name, time_column);
  EXECUTE format('SELECT min(%1$I AT TIME ZONE ''UTC'')::date, max(%1$I AT TIME ZONE ''UTC'')::date FROM %2$I',
    days_column, CASE WHEN days_table = table_name THEN old_name ELSE days_table END) INTO first_day, last_day;
  IF first_day IS NOT NULL THEN
    PERFORM day_partitions_ensure(table_name::regclass, first_day, last_day);
  END IF;
  EXECUTE format('INSERT INTO %I SELECT * FROM %I', table_name, old_name);
  EXECUTE format('DROP TABLE %I', old_name);
END $$;
--> statement-breakpoint
SELECT move_into_day_partitions('sync_sessions', 'started_at', 'sync_sessions', 'started_at');
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
SELECT move_into_day_partitions('sync_session_logs', 'session_started_at', 'sync_sessions', 'started_at');
--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD CONSTRAINT "sync_session_logs_tenant_id_session_started_at_session_id_pk" PRIMARY KEY("tenant_id","session_started_at","session_id");
--> statement-breakpoint
SELECT move_into_day_partitions('sync_session_log_chunks', 'session_started_at', 'sync_sessions', 'started_at');
--> statement-breakpoint
ALTER TABLE "sync_session_log_chunks" ADD CONSTRAINT "sync_session_log_chunks_pkey" PRIMARY KEY("tenant_id","session_started_at","session_id","upload_id","chunk_no");
--> statement-breakpoint
CREATE INDEX "sync_session_log_chunks_line_idx" ON "sync_session_log_chunks" USING btree ("tenant_id","session_started_at","session_id","upload_id","newlines_before");
--> statement-breakpoint
SELECT move_into_day_partitions('sync_issues', 'occurred_at', 'sync_issues', 'occurred_at');
--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_user_occurred_idx" ON "sync_issues" USING btree ("tenant_id","user_id","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_profile_occurred_idx" ON "sync_issues" USING btree ("tenant_id","profile_id","occurred_at","id");
--> statement-breakpoint
DROP FUNCTION move_into_day_partitions(text, text, text, text);
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
