CREATE TYPE "public"."admin_role" AS ENUM('platform_admin', 'profile_admin', 'support');--> statement-breakpoint
CREATE TYPE "public"."error_source" AS ENUM('crm', 'mail_server', 'sync_application');--> statement-breakpoint
CREATE TYPE "public"."sync_direction" AS ENUM('outlook_to_salesforce', 'gmail_to_salesforce', 'salesforce_to_outlook', 'salesforce_to_gmail');--> statement-breakpoint
CREATE TYPE "public"."sync_issue_operation" AS ENUM('create', 'update', 'delete');--> statement-breakpoint
CREATE TYPE "public"."sync_issue_type" AS ENUM('email', 'event', 'contact', 'task');--> statement-breakpoint
CREATE TYPE "public"."sync_session_status" AS ENUM('ready', 'started', 'success', 'skipped', 'canceled', 'error');--> statement-breakpoint
CREATE TABLE "admin_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"admin_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "admin_preferences" (
	"tenant_id" uuid NOT NULL,
	"admin_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_preferences_tenant_id_admin_id_key_pk" PRIMARY KEY("tenant_id","admin_id","key")
);
--> statement-breakpoint
CREATE TABLE "admin_profile_scopes" (
	"tenant_id" uuid NOT NULL,
	"admin_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_profile_scopes_tenant_id_admin_id_profile_id_pk" PRIMARY KEY("tenant_id","admin_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "admins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "admin_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admins_tenant_email_key" UNIQUE NULLS NOT DISTINCT("tenant_id","email")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_admin_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"target_label" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	CONSTRAINT "audit_events_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id")
);
--> statement-breakpoint
CREATE TABLE "ingestion_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ingestion_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "instance_metadata" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"engine_id" text NOT NULL,
	"name" text NOT NULL,
	"sync_enabled" boolean DEFAULT true NOT NULL,
	"sync_enabled_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_sso_issuers" (
	"issuer" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_issues" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"engine_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"session_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" "sync_issue_type" NOT NULL,
	"direction" "sync_direction" NOT NULL,
	"name" text NOT NULL,
	"operation" "sync_issue_operation" NOT NULL,
	"error_code" integer NOT NULL,
	"description" text,
	"error_source" "error_source",
	"target_object_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_issues_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sync_session_logs" (
	"tenant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"deflated" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"crc32" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_session_logs_tenant_id_session_id_pk" PRIMARY KEY("tenant_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "sync_sessions" (
	"tenant_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"engine_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"ended_at" timestamp with time zone,
	"status" "sync_session_status" NOT NULL,
	"scope" integer,
	"changes" integer,
	"issues" integer,
	"error_category" text,
	"error_source" "error_source",
	"message" text,
	"has_log" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_sessions_tenant_id_started_at_id_pk" PRIMARY KEY("tenant_id","started_at","id")
);
--> statement-breakpoint
CREATE TABLE "tenant_sso_issuers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"entra_tenant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"panel_access_granted" boolean DEFAULT false NOT NULL,
	"panel_access_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"profile_id" uuid NOT NULL,
	"sync_error_reason" text,
	"sync_error_at" timestamp with time zone,
	"sync_enabled" boolean DEFAULT true NOT NULL,
	"sync_enabled_at" timestamp with time zone,
	"sync_enabled_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "admin_identities" ADD CONSTRAINT "admin_identities_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_preferences" ADD CONSTRAINT "admin_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_preferences" ADD CONSTRAINT "admin_preferences_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_profile_scopes" ADD CONSTRAINT "admin_profile_scopes_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_profile_scopes" ADD CONSTRAINT "admin_profile_scopes_tenant_id_profile_id_profiles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","profile_id") REFERENCES "public"."profiles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admins" ADD CONSTRAINT "admins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_admin_id_admins_id_fk" FOREIGN KEY ("actor_admin_id") REFERENCES "public"."admins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingestion_tokens" ADD CONSTRAINT "ingestion_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_tenant_id_profile_id_profiles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","profile_id") REFERENCES "public"."profiles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_session_logs" ADD CONSTRAINT "sync_session_logs_tenant_id_session_started_at_session_id_sync_sessions_tenant_id_started_at_id_fk" FOREIGN KEY ("tenant_id","session_started_at","session_id") REFERENCES "public"."sync_sessions"("tenant_id","started_at","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_sessions" ADD CONSTRAINT "sync_sessions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_sessions" ADD CONSTRAINT "sync_sessions_tenant_id_profile_id_profiles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","profile_id") REFERENCES "public"."profiles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_sso_issuers" ADD CONSTRAINT "tenant_sso_issuers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_profile_id_profiles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","profile_id") REFERENCES "public"."profiles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_identities_issuer_subject_key" ON "admin_identities" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "admin_identities_admin_idx" ON "admin_identities" USING btree ("admin_id");--> statement-breakpoint
CREATE INDEX "admins_email_idx" ON "admins" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_action_idx" ON "audit_events" USING btree ("tenant_id","action","occurred_at");--> statement-breakpoint
CREATE INDEX "ingestion_tokens_tenant_idx" ON "ingestion_tokens" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_tenant_engine_id_key" ON "profiles" USING btree ("tenant_id","engine_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_name_idx" ON "profiles" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_issues_tenant_engine_id_key" ON "sync_issues" USING btree ("tenant_id","engine_id");--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_user_occurred_idx" ON "sync_issues" USING btree ("tenant_id","user_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "sync_issues_tenant_profile_occurred_idx" ON "sync_issues" USING btree ("tenant_id","profile_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_sessions_tenant_engine_id_key" ON "sync_sessions" USING btree ("tenant_id","engine_id");--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_id_idx" ON "sync_sessions" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_user_started_idx" ON "sync_sessions" USING btree ("tenant_id","user_id","started_at","id");--> statement-breakpoint
CREATE INDEX "sync_sessions_tenant_profile_started_idx" ON "sync_sessions" USING btree ("tenant_id","profile_id","started_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_sso_issuers_tenant_issuer_key" ON "tenant_sso_issuers" USING btree ("tenant_id","issuer");--> statement-breakpoint
CREATE UNIQUE INDEX "users_tenant_email_key" ON "users" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "users_tenant_name_idx" ON "users" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_profile_name_idx" ON "users" USING btree ("tenant_id","profile_id","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_profile_status_idx" ON "users" USING btree ("tenant_id","profile_id","sync_enabled");--> statement-breakpoint
CREATE INDEX "users_tenant_sync_error_idx" ON "users" USING btree ("tenant_id","sync_error_at") WHERE "users"."sync_error_at" is not null;