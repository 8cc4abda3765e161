CREATE TABLE "event_attendance" (
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_attendance_registration_id_session_id_pk" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "event_organizers" (
	"event_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_organizers_event_id_organization_id_pk" PRIMARY KEY("event_id","organization_id"),
	CONSTRAINT "event_organizers_role_check" CHECK ("event_organizers"."role" in ('lead','co-organizer'))
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"organization_id" text,
	"organization_name" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lang" text DEFAULT 'it' NOT NULL,
	"state" text NOT NULL,
	"waiting_since" timestamp with time zone,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"manage_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"certificate_code" text,
	CONSTRAINT "event_registrations_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "event_registrations_manage_token_hash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "event_registrations_state_check" CHECK ("event_registrations"."state" in ('pending-confirmation','confirmed','waiting','cancelled','attended')),
	CONSTRAINT "event_registrations_email_lower" CHECK ("event_registrations"."email" = lower("event_registrations"."email")),
	CONSTRAINT "event_registrations_lang_check" CHECK ("event_registrations"."lang" in ('it','en')),
	CONSTRAINT "event_registrations_waiting" CHECK (("event_registrations"."state" = 'waiting') = ("event_registrations"."waiting_since" is not null))
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"place" jsonb,
	"title" jsonb,
	CONSTRAINT "event_sessions_not_empty" CHECK (not isempty("event_sessions"."during") and not lower_inf("event_sessions"."during"))
);
--> statement-breakpoint
CREATE TABLE "event_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"description" jsonb,
	"mode" text NOT NULL,
	"place" jsonb,
	"online_url" text,
	"language" text DEFAULT 'it' NOT NULL,
	"audience" jsonb,
	"filiere" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"s3" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer,
	"registration_opens" timestamp with time zone,
	"registration_closes" timestamp with time zone,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"grants_qualification_id" uuid,
	"attendance_required" double precision DEFAULT 1 NOT NULL,
	"cancel_reason" text,
	"published_at" timestamp with time zone,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_number_unique" UNIQUE("number"),
	CONSTRAINT "events_kind_check" CHECK ("events"."kind" in ('seminar','workshop','open-lab','course','webinar','matchmaking')),
	CONSTRAINT "events_mode_check" CHECK ("events"."mode" in ('in-person','online','mixed')),
	CONSTRAINT "events_state_check" CHECK ("events"."state" in ('draft','published','cancelled')),
	CONSTRAINT "events_visibility_check" CHECK ("events"."visibility" in ('public','network')),
	CONSTRAINT "events_title_check" CHECK (("events"."title" ? 'it' or "events"."title" ? 'en')),
	CONSTRAINT "events_summary_check" CHECK (("events"."summary" ? 'it' or "events"."summary" ? 'en')),
	CONSTRAINT "events_place_check" CHECK ("events"."mode" = 'online' or "events"."place" is not null),
	CONSTRAINT "events_online_check" CHECK ("events"."mode" = 'in-person' or "events"."online_url" is not null),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" is null or "events"."capacity" > 0),
	CONSTRAINT "events_price_check" CHECK ("events"."price" is null or "events"."price" >= 0),
	CONSTRAINT "events_attendance_check" CHECK ("events"."attendance_required" between 0 and 1),
	CONSTRAINT "events_cancel_reason" CHECK ("events"."state" <> 'cancelled' or "events"."cancel_reason" is not null),
	CONSTRAINT "events_dates_check" CHECK ("events"."ends_at" > "events"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organizers" ADD CONSTRAINT "event_organizers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organizers" ADD CONSTRAINT "event_organizers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_events" ADD CONSTRAINT "event_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_events" ADD CONSTRAINT "event_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_grants_qualification_id_qualifications_id_fk" FOREIGN KEY ("grants_qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_attendance_session_idx" ON "event_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_organizers_one_lead" ON "event_organizers" USING btree ("event_id") WHERE "event_organizers"."role" = 'lead';--> statement-breakpoint
CREATE INDEX "event_organizers_organization_idx" ON "event_organizers" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_unique" ON "event_registrations" USING btree ("event_id","email") WHERE "event_registrations"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","state");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_sessions_event_idx" ON "event_sessions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_events_event_idx" ON "event_events" USING btree ("event_id","id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "events_state_idx" ON "events" USING btree ("state","visibility");--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_event_check" CHECK (("qualification_grants"."source" = 'event') = ("qualification_grants"."event_id" is not null));--> statement-breakpoint
-- Hand-written: the grant's event, a foreign key drizzle cannot declare here (the schema files would import each
-- other). A grant made by attending an event names it; events are cancelled, never deleted, so the link holds.
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qualification_grants_event_idx" ON "qualification_grants" USING btree ("event_id");
