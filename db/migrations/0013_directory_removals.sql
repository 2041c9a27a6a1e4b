ALTER TABLE "profiles" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_tenant_removed_idx" ON "users" USING btree ("tenant_id","removed_at") WHERE "users"."removed_at" is not null;