CREATE TABLE "daily_status_counts" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" "sync_session_status" NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "daily_status_counts_tenant_id_day_status_pk" PRIMARY KEY("tenant_id","day","status")
);
--> statement-breakpoint
CREATE TABLE "rollup_windows" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date
);
--> statement-breakpoint
CREATE TABLE "window_issue_counts" (
	"tenant_id" uuid NOT NULL,
	"days" smallint NOT NULL,
	"profile_id" uuid NOT NULL,
	"type" "sync_issue_type" NOT NULL,
	"error_code" integer NOT NULL,
	"issues" integer NOT NULL,
	CONSTRAINT "window_issue_counts_tenant_id_days_profile_id_type_error_code_pk" PRIMARY KEY("tenant_id","days","profile_id","type","error_code")
);
--> statement-breakpoint
CREATE TABLE "window_session_counts" (
	"tenant_id" uuid NOT NULL,
	"days" smallint NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" "sync_session_status" NOT NULL,
	"error_category" text NOT NULL,
	"error_source" text NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "window_session_counts_tenant_id_days_profile_id_status_error_category_error_source_pk" PRIMARY KEY("tenant_id","days","profile_id","status","error_category","error_source")
);
--> statement-breakpoint
CREATE TABLE "window_user_problems" (
	"tenant_id" uuid NOT NULL,
	"days" smallint NOT NULL,
	"user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"error_sessions" integer NOT NULL,
	"issues" integer NOT NULL,
	"problems" integer GENERATED ALWAYS AS (error_sessions + issues) STORED,
	CONSTRAINT "window_user_problems_tenant_id_days_user_id_profile_id_pk" PRIMARY KEY("tenant_id","days","user_id","profile_id")
);
--> statement-breakpoint
DROP INDEX "daily_session_counts_covering_idx";--> statement-breakpoint
DROP INDEX "daily_user_problems_tenant_user_day_idx";--> statement-breakpoint
DROP INDEX "daily_user_problems_tenant_day_counts_idx";--> statement-breakpoint
ALTER TABLE "rollup_windows" ADD CONSTRAINT "rollup_windows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "window_user_problems_ranking_idx" ON "window_user_problems" USING btree ("tenant_id","days","problems","user_id");--> statement-breakpoint
CREATE INDEX "daily_session_counts_profile_day_idx" ON "daily_session_counts" USING btree ("tenant_id","profile_id","day","status","sessions");--> statement-breakpoint
-- All profiles' sessions per day and status, from the profiles' daily rollups. The period
-- rollups start empty: the overview builds them at its first visit (lib/rollups/rollup-windows.ts).
INSERT INTO daily_status_counts (tenant_id, day, status, sessions)
SELECT tenant_id, day, status, sum(sessions)::int FROM daily_session_counts GROUP BY 1, 2, 3;
