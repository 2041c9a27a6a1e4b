CREATE TABLE "sync_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by_admin_id" uuid,
	"requested_by_label" text NOT NULL,
	"session_id" uuid,
	"session_started_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "sync_requests_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "sync_requests" ADD CONSTRAINT "sync_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_requests" ADD CONSTRAINT "sync_requests_requested_by_admin_id_admins_id_fk" FOREIGN KEY ("requested_by_admin_id") REFERENCES "public"."admins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_requests" ADD CONSTRAINT "sync_requests_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_requests_tenant_seq_key" ON "sync_requests" USING btree ("tenant_id","seq");--> statement-breakpoint
CREATE INDEX "sync_requests_tenant_user_idx" ON "sync_requests" USING btree ("tenant_id","user_id","requested_at");