CREATE TABLE "audit_event_users" (
	"tenant_id" uuid NOT NULL,
	"event_occurred_at" timestamp with time zone NOT NULL,
	"event_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status_before" text NOT NULL,
	CONSTRAINT "audit_event_users_pkey" PRIMARY KEY("tenant_id","event_id","email")
);
--> statement-breakpoint
ALTER TABLE "audit_event_users" ADD CONSTRAINT "audit_event_users_event_fk" FOREIGN KEY ("tenant_id","event_occurred_at","event_id") REFERENCES "public"."audit_events"("tenant_id","occurred_at","id") ON DELETE cascade ON UPDATE no action;