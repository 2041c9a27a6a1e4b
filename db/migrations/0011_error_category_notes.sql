CREATE TABLE "error_category_notes" (
	"tenant_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "error_category_notes_pkey" PRIMARY KEY("tenant_id","category")
);
--> statement-breakpoint
ALTER TABLE "error_category_notes" ADD CONSTRAINT "error_category_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;