CREATE TABLE "daily_issue_counts" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"profile_id" uuid NOT NULL,
	"type" "sync_issue_type" NOT NULL,
	"error_code" integer NOT NULL,
	"issues" integer NOT NULL,
	CONSTRAINT "daily_issue_counts_tenant_id_day_profile_id_type_error_code_pk" PRIMARY KEY("tenant_id","day","profile_id","type","error_code")
);
--> statement-breakpoint
CREATE TABLE "daily_session_counts" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" "sync_session_status" NOT NULL,
	"error_category" text DEFAULT '' NOT NULL,
	"error_source" text DEFAULT '' NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "daily_session_counts_tenant_id_day_profile_id_status_error_category_error_source_pk" PRIMARY KEY("tenant_id","day","profile_id","status","error_category","error_source")
);
--> statement-breakpoint
CREATE TABLE "daily_user_problems" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"error_sessions" integer NOT NULL,
	"issues" integer NOT NULL,
	CONSTRAINT "daily_user_problems_tenant_id_day_user_id_profile_id_pk" PRIMARY KEY("tenant_id","day","user_id","profile_id")
);
--> statement-breakpoint
-- Backfill from the rows already there (lib/rollups/rebuild-rollups.ts computes the same).
INSERT INTO "daily_session_counts" ("tenant_id", "day", "profile_id", "status", "error_category", "error_source", "sessions")
SELECT tenant_id, (started_at AT TIME ZONE 'UTC')::date, profile_id, status, coalesce(error_category, ''), coalesce(error_source::text, ''), count(*)::int
FROM sync_sessions GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "daily_issue_counts" ("tenant_id", "day", "profile_id", "type", "error_code", "issues")
SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date, profile_id, type, error_code, count(*)::int
FROM sync_issues GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "daily_user_problems" ("tenant_id", "day", "user_id", "profile_id", "error_sessions", "issues")
SELECT tenant_id, day, user_id, profile_id, sum(error_sessions)::int, sum(issues)::int
FROM (SELECT tenant_id, (started_at AT TIME ZONE 'UTC')::date AS day, user_id, profile_id, 1 AS error_sessions, 0 AS issues FROM sync_sessions WHERE status = 'error'
      UNION ALL
      SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id, profile_id, 0, 1 FROM sync_issues) problems
GROUP BY 1, 2, 3, 4;
