CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"request_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "request_centres" (
	"request_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"invited_at" timestamp with time zone,
	"interest_at" timestamp with time zone,
	"interest_by" uuid,
	"proposal" text,
	"aspects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team_role" text,
	CONSTRAINT "request_centres_request_id_organization_id_pk" PRIMARY KEY("request_id","organization_id"),
	CONSTRAINT "request_centres_team_role_check" CHECK ("request_centres"."team_role" is null or "request_centres"."team_role" in ('lead','partner'))
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_organization_id" text,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"description" text NOT NULL,
	"desired_outcome" text,
	"sector" text,
	"filiera" text,
	"deadline" date,
	"lang" text DEFAULT 'it' NOT NULL,
	"confidentiality" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"company_organization_id" text,
	"company_name" text NOT NULL,
	"contact_email" text,
	"submitted_by" uuid,
	"submitted_via_organization_id" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"decline_reason" text,
	"outcome" text,
	"rating" integer,
	"rating_comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_number_unique" UNIQUE("number"),
	CONSTRAINT "requests_state_check" CHECK ("requests"."state" in ('submitted','triage','open','team_agreed','in_progress','closed','declined')),
	CONSTRAINT "requests_confidentiality_check" CHECK ("requests"."confidentiality" in ('public','network','confidential')),
	CONSTRAINT "requests_lang_check" CHECK ("requests"."lang" in ('it','en')),
	CONSTRAINT "requests_rating_check" CHECK ("requests"."rating" is null or "requests"."rating" between 1 and 5),
	CONSTRAINT "requests_public_summary" CHECK ("requests"."confidentiality" <> 'public' or "requests"."summary" is not null),
	CONSTRAINT "requests_declined_reason" CHECK ("requests"."state" <> 'declined' or "requests"."decline_reason" is not null),
	CONSTRAINT "requests_closed_outcome" CHECK ("requests"."state" <> 'closed' or "requests"."outcome" is not null)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_email" text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_centres" ADD CONSTRAINT "request_centres_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_centres" ADD CONSTRAINT "request_centres_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "request_centres" ADD CONSTRAINT "request_centres_interest_by_users_id_fk" FOREIGN KEY ("interest_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_company_organization_id_organizations_id_fk" FOREIGN KEY ("company_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_submitted_via_organization_id_organizations_id_fk" FOREIGN KEY ("submitted_via_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "request_centres_organization_idx" ON "request_centres" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "requests_state_idx" ON "requests" USING btree ("state");--> statement-breakpoint
CREATE INDEX "requests_company_idx" ON "requests" USING btree ("company_organization_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_notification_email_check" CHECK ("users"."notification_email" in ('immediate','daily','off'));