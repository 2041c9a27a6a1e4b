CREATE TABLE "sync_session_log_uploads" (
	"tenant_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"session_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_session_log_uploads_tenant_id_upload_id_pk" PRIMARY KEY("tenant_id","upload_id")
);
--> statement-breakpoint
CREATE INDEX "sync_session_log_uploads_started_idx" ON "sync_session_log_uploads" USING btree ("started_at");--> statement-breakpoint
ALTER TABLE "sync_session_logs" DROP COLUMN "deflated";