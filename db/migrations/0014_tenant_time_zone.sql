ALTER TABLE "tenants" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "time_zone_pending" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "time_zone_pending_since" timestamp with time zone;