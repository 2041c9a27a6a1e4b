CREATE TABLE "demo_inbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"via" text NOT NULL,
	"summary" text NOT NULL,
	"detail" text NOT NULL,
	"signature_valid" boolean,
	CONSTRAINT "demo_inbox_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "demo_inbox" ADD CONSTRAINT "demo_inbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demo_inbox_received_idx" ON "demo_inbox" USING btree ("tenant_id","received_at");