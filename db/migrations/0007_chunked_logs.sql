CREATE TABLE "sync_session_log_chunks" (
	"tenant_id" uuid NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"session_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"chunk_no" integer NOT NULL,
	"newlines_before" bigint NOT NULL,
	"newlines" integer NOT NULL,
	"uncompressed_offset" bigint NOT NULL,
	"uncompressed_bytes" integer NOT NULL,
	"deflated" "bytea" NOT NULL,
	"blocks" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_session_log_chunks_pkey" PRIMARY KEY("tenant_id","session_started_at","session_id","upload_id","chunk_no")
);
--> statement-breakpoint
ALTER TABLE "sync_session_logs" ALTER COLUMN "deflated" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ALTER COLUMN "size_bytes" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "upload_id" uuid;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "deflated_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "line_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "first_error_line" bigint;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "error_patterns" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD COLUMN "legacy_deflated" "bytea";--> statement-breakpoint
-- Logs stored as one DEFLATE stream wait here until start-up chunks them (lib/logs/convert-legacy-logs.ts).
UPDATE "sync_session_logs" SET "legacy_deflated" = "deflated";--> statement-breakpoint
-- Compressed already: stored as is, so a block is read from the middle of a chunk without reading all of it.
ALTER TABLE "sync_session_log_chunks" ALTER COLUMN "deflated" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "sync_session_log_chunks" ADD CONSTRAINT "sync_session_log_chunks_session_fk" FOREIGN KEY ("tenant_id","session_started_at","session_id") REFERENCES "public"."sync_sessions"("tenant_id","started_at","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_session_log_chunks_line_idx" ON "sync_session_log_chunks" USING btree ("tenant_id","session_started_at","session_id","upload_id","newlines_before");