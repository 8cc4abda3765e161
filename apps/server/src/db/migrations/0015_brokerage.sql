CREATE TABLE "company_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_organization_id" text NOT NULL,
	"to_organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"filiera" text NOT NULL,
	"source" text NOT NULL,
	"introduction_id" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_relations_kind_check" CHECK ("company_relations"."kind" in ('supplier-of','customer-of','partner-in','subcontractor-of')),
	CONSTRAINT "company_relations_source_check" CHECK ("company_relations"."source" in ('declared','verified','agreement')),
	CONSTRAINT "company_relations_parties_check" CHECK ("company_relations"."from_organization_id" <> "company_relations"."to_organization_id"),
	CONSTRAINT "company_relations_verified_check" CHECK ("company_relations"."source" <> 'verified' or "company_relations"."verified_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "expressions_of_interest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" uuid,
	"note" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expressions_of_interest_state_check" CHECK ("expressions_of_interest"."state" in ('pending','accepted','declined','expired')),
	CONSTRAINT "expressions_of_interest_decided" CHECK (("expressions_of_interest"."state" = 'pending') = ("expressions_of_interest"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "introduction_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"introduction_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"organization_id" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer" text,
	"agreement_kind" text,
	"note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "introduction_outcomes_round_check" CHECK ("introduction_outcomes"."round" in (3, 6)),
	CONSTRAINT "introduction_outcomes_answer_check" CHECK ("introduction_outcomes"."answer" is null or "introduction_outcomes"."answer" in ('none','in-discussion','agreement')),
	CONSTRAINT "introduction_outcomes_agreement_check" CHECK (("introduction_outcomes"."answer" = 'agreement') = ("introduction_outcomes"."agreement_kind" is not null) and ("introduction_outcomes"."agreement_kind" is null or "introduction_outcomes"."agreement_kind" in ('commercial','technical-cooperation','research','licence','joint-venture','subcontracting'))),
	CONSTRAINT "introduction_outcomes_answered_check" CHECK (("introduction_outcomes"."answer" is null) = ("introduction_outcomes"."answered_at" is null)),
	CONSTRAINT "introduction_outcomes_confirmed_check" CHECK ("introduction_outcomes"."confirmed_at" is null or "introduction_outcomes"."answer" = 'agreement')
);
--> statement-breakpoint
CREATE TABLE "introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	"owner_organization_id" text NOT NULL,
	"partner_organization_id" text NOT NULL,
	"centre_id" text NOT NULL,
	"introduced_by" uuid,
	"note" text,
	"revealed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introductions_parties_check" CHECK ("introductions"."owner_organization_id" <> "introductions"."partner_organization_id")
);
--> statement-breakpoint
CREATE TABLE "matchmaking_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"event_id" uuid,
	"organizer_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"slots" integer NOT NULL,
	"tables" integer NOT NULL,
	"filiere" text[] DEFAULT '{}'::text[] NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_days_grid_check" CHECK ("matchmaking_days"."slot_minutes" between 5 and 240 and "matchmaking_days"."slots" between 1 and 96 and "matchmaking_days"."tables" between 1 and 500),
	CONSTRAINT "matchmaking_days_start_check" CHECK ("matchmaking_days"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "matchmaking_days_title_check" CHECK (("matchmaking_days"."title" ? 'it' or "matchmaking_days"."title" ? 'en'))
);
--> statement-breakpoint
CREATE TABLE "matchmaking_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"table_no" integer NOT NULL,
	CONSTRAINT "matchmaking_meetings_grid_check" CHECK ("matchmaking_meetings"."slot" >= 0 and "matchmaking_meetings"."table_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "matchmaking_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" text,
	"offers" jsonb,
	"seeks" jsonb,
	"unavailable_slots" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_seats" (
	"meeting_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"profile_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_ratings" (
	"meeting_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_ratings_score_check" CHECK ("meeting_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"from_profile_id" uuid NOT NULL,
	"to_profile_id" uuid NOT NULL,
	"note" text,
	"state" text DEFAULT 'requested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "meeting_requests_state_check" CHECK ("meeting_requests"."state" in ('requested','accepted','declined','cancelled')),
	CONSTRAINT "meeting_requests_parties_check" CHECK ("meeting_requests"."from_profile_id" <> "meeting_requests"."to_profile_id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"organization_id" text NOT NULL,
	"centre_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"technology" jsonb,
	"stage" text,
	"ip_status" text,
	"partner_sought" jsonb,
	"partnership_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"filiere" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"s3" text[] DEFAULT '{}'::text[] NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_kind_check" CHECK ("opportunities"."kind" in ('business-offer','business-request','technology-offer','technology-request','rd-partner')),
	CONSTRAINT "opportunities_state_check" CHECK ("opportunities"."state" in ('draft','submitted','on-hold','published','rejected','expired')),
	CONSTRAINT "opportunities_stage_check" CHECK ("opportunities"."stage" is null or "opportunities"."stage" in ('concept','under-development','prototype','field-tested','on-the-market')),
	CONSTRAINT "opportunities_ip_check" CHECK ("opportunities"."ip_status" is null or "opportunities"."ip_status" in ('none','secret-know-how','patent-applied','patent-granted','copyright','design-or-trademark')),
	CONSTRAINT "opportunities_partnership_check" CHECK ("opportunities"."partnership_kinds" <@ array['commercial','technical-cooperation','research','licence','joint-venture','subcontracting']::text[]),
	CONSTRAINT "opportunities_title_check" CHECK (("opportunities"."title" ? 'it' or "opportunities"."title" ? 'en')),
	CONSTRAINT "opportunities_description_check" CHECK (("opportunities"."description" ? 'it' or "opportunities"."description" ? 'en')),
	CONSTRAINT "opportunities_expiry_check" CHECK ("opportunities"."published_at" is null or "opportunities"."expires_at" <= "opportunities"."published_at" + interval '1 year'),
	CONSTRAINT "opportunities_published_check" CHECK ("opportunities"."state" <> 'published' or "opportunities"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "opportunity_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"centre_id" text NOT NULL,
	"clarity" smallint NOT NULL,
	"innovation" smallint NOT NULL,
	"partner_sought" smallint NOT NULL,
	"completeness" smallint NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_reviews_scores_check" CHECK ("opportunity_reviews"."clarity" between 1 and 5 and "opportunity_reviews"."innovation" between 1 and 5 and "opportunity_reviews"."partner_sought" between 1 and 5 and "opportunity_reviews"."completeness" between 1 and 5),
	CONSTRAINT "opportunity_reviews_decision_check" CHECK ("opportunity_reviews"."decision" in ('publish','hold','reject')),
	CONSTRAINT "opportunity_reviews_comment_check" CHECK ("opportunity_reviews"."decision" = 'publish' or "opportunity_reviews"."comment" is not null)
);
--> statement-breakpoint
ALTER TABLE "company_relations" ADD CONSTRAINT "company_relations_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "company_relations" ADD CONSTRAINT "company_relations_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "company_relations" ADD CONSTRAINT "company_relations_introduction_id_introductions_id_fk" FOREIGN KEY ("introduction_id") REFERENCES "public"."introductions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_relations" ADD CONSTRAINT "company_relations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_relations" ADD CONSTRAINT "company_relations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "expressions_of_interest_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "expressions_of_interest_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "expressions_of_interest_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "expressions_of_interest_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_outcomes" ADD CONSTRAINT "introduction_outcomes_introduction_id_introductions_id_fk" FOREIGN KEY ("introduction_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_outcomes" ADD CONSTRAINT "introduction_outcomes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "introduction_outcomes" ADD CONSTRAINT "introduction_outcomes_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_outcomes" ADD CONSTRAINT "introduction_outcomes_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_interest_id_expressions_of_interest_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."expressions_of_interest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_partner_organization_id_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_centre_id_organizations_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_introduced_by_users_id_fk" FOREIGN KEY ("introduced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_days" ADD CONSTRAINT "matchmaking_days_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matchmaking_days" ADD CONSTRAINT "matchmaking_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_meetings" ADD CONSTRAINT "matchmaking_meetings_day_id_matchmaking_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."matchmaking_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_meetings" ADD CONSTRAINT "matchmaking_meetings_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profiles" ADD CONSTRAINT "matchmaking_profiles_day_id_matchmaking_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."matchmaking_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profiles" ADD CONSTRAINT "matchmaking_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profiles" ADD CONSTRAINT "matchmaking_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matchmaking_seats" ADD CONSTRAINT "matchmaking_seats_meeting_id_matchmaking_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."matchmaking_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_seats" ADD CONSTRAINT "matchmaking_seats_profile_id_matchmaking_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."matchmaking_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ratings" ADD CONSTRAINT "meeting_ratings_meeting_id_matchmaking_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."matchmaking_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ratings" ADD CONSTRAINT "meeting_ratings_profile_id_matchmaking_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."matchmaking_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_day_id_matchmaking_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."matchmaking_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_from_profile_id_matchmaking_profiles_id_fk" FOREIGN KEY ("from_profile_id") REFERENCES "public"."matchmaking_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_to_profile_id_matchmaking_profiles_id_fk" FOREIGN KEY ("to_profile_id") REFERENCES "public"."matchmaking_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_centre_id_organizations_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_reviews" ADD CONSTRAINT "opportunity_reviews_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_reviews" ADD CONSTRAINT "opportunity_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_reviews" ADD CONSTRAINT "opportunity_reviews_centre_id_organizations_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "company_relations_unique" ON "company_relations" USING btree ("from_organization_id","to_organization_id","kind","filiera");--> statement-breakpoint
CREATE INDEX "company_relations_filiera_idx" ON "company_relations" USING btree ("filiera");--> statement-breakpoint
CREATE UNIQUE INDEX "expressions_of_interest_one_live" ON "expressions_of_interest" USING btree ("opportunity_id","organization_id") WHERE "expressions_of_interest"."state" in ('pending','accepted');--> statement-breakpoint
CREATE INDEX "expressions_of_interest_state_idx" ON "expressions_of_interest" USING btree ("state","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_outcomes_unique" ON "introduction_outcomes" USING btree ("introduction_id","round","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "introductions_interest_unique" ON "introductions" USING btree ("interest_id");--> statement-breakpoint
CREATE INDEX "introductions_created_idx" ON "introductions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_meetings_request_unique" ON "matchmaking_meetings" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_meetings_table_unique" ON "matchmaking_meetings" USING btree ("day_id","slot","table_no");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_profiles_unique" ON "matchmaking_profiles" USING btree ("day_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_seats_person_unique" ON "matchmaking_seats" USING btree ("day_id","slot","profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_seats_meeting_unique" ON "matchmaking_seats" USING btree ("meeting_id","profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_ratings_unique" ON "meeting_ratings" USING btree ("meeting_id","profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_requests_pair_unique" ON "meeting_requests" USING btree ("day_id","from_profile_id","to_profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_number_unique" ON "opportunities" USING btree ("number");--> statement-breakpoint
CREATE INDEX "opportunities_state_idx" ON "opportunities" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "opportunities_organization_idx" ON "opportunities" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "opportunities_centre_idx" ON "opportunities" USING btree ("centre_id","state");--> statement-breakpoint
CREATE INDEX "opportunity_reviews_opportunity_idx" ON "opportunity_reviews" USING btree ("opportunity_id","created_at");