CREATE TABLE "action_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"planned" numeric(16, 2) NOT NULL,
	"actual" numeric(16, 2),
	"period_start" date,
	"period_end" date,
	"note" text,
	"booking_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_contributions_kind_check" CHECK ("action_contributions"."kind" in ('person-days','equipment-hours','money','in-kind')),
	CONSTRAINT "action_contributions_amounts_check" CHECK ("action_contributions"."planned" >= 0 and ("action_contributions"."actual" is null or "action_contributions"."actual" >= 0)),
	CONSTRAINT "action_contributions_period_check" CHECK ("action_contributions"."period_start" is null or "action_contributions"."period_end" is null or "action_contributions"."period_start" <= "action_contributions"."period_end")
);
--> statement-breakpoint
CREATE TABLE "action_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"weight" integer DEFAULT 1 NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "action_milestones_weight_check" CHECK ("action_milestones"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "action_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "action_partners_role_check" CHECK ("action_partners"."role" in ('lead','partner','region','company','university'))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"carried_outcome_id" uuid
);
--> statement-breakpoint
CREATE TABLE "joint_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"lead_organization_id" text NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"s3" text[] DEFAULT '{}'::text[] NOT NULL,
	"filiere" text[] DEFAULT '{}'::text[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"source_request_id" uuid,
	"parent_action_id" uuid,
	"objective_id" uuid,
	"visibility" text DEFAULT 'network' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_actions_state_check" CHECK ("joint_actions"."state" in ('planned','running','late','closed','cancelled')),
	CONSTRAINT "joint_actions_visibility_check" CHECK ("joint_actions"."visibility" in ('public','network','private')),
	CONSTRAINT "joint_actions_dates_check" CHECK ("joint_actions"."start_date" <= "joint_actions"."end_date"),
	CONSTRAINT "joint_actions_not_own_parent" CHECK ("joint_actions"."parent_action_id" is null or "joint_actions"."parent_action_id" <> "joint_actions"."id")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" text,
	"present" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date,
	"done_at" timestamp with time zone,
	"objective_id" uuid,
	"action_id" uuid,
	"request_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_outcomes_kind_check" CHECK ("meeting_outcomes"."kind" in ('information','decision','action')),
	CONSTRAINT "meeting_outcomes_action_check" CHECK (("meeting_outcomes"."kind" = 'action') = ("meeting_outcomes"."owner_user_id" is not null and "meeting_outcomes"."due_date" is not null) and ("meeting_outcomes"."kind" = 'action' or "meeting_outcomes"."done_at" is null))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"state" text DEFAULT 'planned' NOT NULL,
	"minutes" text,
	"minutes_approved_at" timestamp with time zone,
	"approved_in_meeting_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_state_check" CHECK ("meetings"."state" in ('planned','held','minutes-approved')),
	CONSTRAINT "meetings_approved_check" CHECK (("meetings"."state" = 'minutes-approved') = ("meetings"."minutes_approved_at" is not null and "meetings"."approved_in_meeting_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "action_contributions" ADD CONSTRAINT "action_contributions_action_id_joint_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."joint_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_contributions" ADD CONSTRAINT "action_contributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "action_contributions" ADD CONSTRAINT "action_contributions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_documents" ADD CONSTRAINT "action_documents_action_id_joint_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."joint_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_documents" ADD CONSTRAINT "action_documents_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_milestones" ADD CONSTRAINT "action_milestones_action_id_joint_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."joint_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_action_id_joint_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."joint_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_carried_outcome_id_meeting_outcomes_id_fk" FOREIGN KEY ("carried_outcome_id") REFERENCES "public"."meeting_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_actions" ADD CONSTRAINT "joint_actions_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "joint_actions" ADD CONSTRAINT "joint_actions_source_request_id_requests_id_fk" FOREIGN KEY ("source_request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_actions" ADD CONSTRAINT "joint_actions_parent_action_id_joint_actions_id_fk" FOREIGN KEY ("parent_action_id") REFERENCES "public"."joint_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_actions" ADD CONSTRAINT "joint_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_action_id_joint_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."joint_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_approved_in_meeting_id_meetings_id_fk" FOREIGN KEY ("approved_in_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_contributions_action_idx" ON "action_contributions" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "action_documents_action_idx" ON "action_documents" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "action_milestones_action_idx" ON "action_milestones" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_partners_unique" ON "action_partners" USING btree ("action_id","organization_id");--> statement-breakpoint
CREATE INDEX "action_partners_organization_idx" ON "action_partners" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_position_unique" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_carried_unique" ON "agenda_items" USING btree ("meeting_id","carried_outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_actions_number_unique" ON "joint_actions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "joint_actions_lead_idx" ON "joint_actions" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE INDEX "joint_actions_parent_idx" ON "joint_actions" USING btree ("parent_action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_actions_source_request_unique" ON "joint_actions" USING btree ("source_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_unique" ON "meeting_attendees" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_meeting_idx" ON "meeting_outcomes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_open_idx" ON "meeting_outcomes" USING btree ("kind") WHERE "meeting_outcomes"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_number_unique" ON "meetings" USING btree ("number");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
-- Hand-written: an outcome may answer one agenda item of its meeting (agenda items and outcomes refer to each other,
-- which the schema file cannot declare on both sides).
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_agenda_item_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null;
