CREATE TABLE "booking_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "booking_policies" (
	"equipment_id" text PRIMARY KEY NOT NULL,
	"offer_type" text DEFAULT 'equipment' NOT NULL,
	"organization_id" text NOT NULL,
	"bookable" boolean DEFAULT false NOT NULL,
	"approval" text DEFAULT 'manual' NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"min_minutes" integer DEFAULT 30 NOT NULL,
	"max_minutes" integer DEFAULT 480 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"lead_hours" integer DEFAULT 24 NOT NULL,
	"horizon_days" integer DEFAULT 90 NOT NULL,
	"assisted_only" boolean DEFAULT false NOT NULL,
	"qualification_id" uuid,
	"pending_expiry_hours" integer DEFAULT 48 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_policies_offer_type_check" CHECK ("booking_policies"."offer_type" = 'equipment'),
	CONSTRAINT "booking_policies_approval_check" CHECK ("booking_policies"."approval" in ('automatic','manual')),
	CONSTRAINT "booking_policies_minutes_check" CHECK ("booking_policies"."slot_minutes" > 0 and "booking_policies"."min_minutes" > 0 and "booking_policies"."min_minutes" <= "booking_policies"."max_minutes" and "booking_policies"."buffer_before_minutes" >= 0 and "booking_policies"."buffer_after_minutes" >= 0 and "booking_policies"."lead_hours" >= 0 and "booking_policies"."horizon_days" > 0 and "booking_policies"."pending_expiry_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"equipment_id" text NOT NULL,
	"owner_organization_id" text NOT NULL,
	"booker_user_id" uuid,
	"booker_organization_id" text,
	"user_category" text,
	"during" "tstzrange" NOT NULL,
	"blocked" "tstzrange" NOT NULL,
	"state" text NOT NULL,
	"assisted" boolean DEFAULT false NOT NULL,
	"purpose" text NOT NULL,
	"samples" integer,
	"quote" jsonb,
	"tariff_id" uuid,
	"amount_cents" integer,
	"expires_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"actual_start" timestamp with time zone,
	"actual_end" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_number_unique" UNIQUE("number"),
	CONSTRAINT "bookings_state_check" CHECK ("bookings"."state" in ('requested','confirmed','declined','cancelled','expired','blocked','completed','no-show')),
	CONSTRAINT "bookings_category_check" CHECK ("bookings"."user_category" is null or "bookings"."user_category" in ('centre-staff','network-centre','sme','company','university','public-body')),
	CONSTRAINT "bookings_during_check" CHECK (not isempty("bookings"."during") and "bookings"."blocked" @> "bookings"."during"),
	CONSTRAINT "bookings_declined_reason" CHECK ("bookings"."state" <> 'declined' or "bookings"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"equipment_id" text,
	"during" "tstzrange" NOT NULL,
	"reason" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_not_empty" CHECK (not isempty("closures"."during"))
);
--> statement-breakpoint
CREATE TABLE "opening_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" text NOT NULL,
	"rrule" text NOT NULL,
	"start_date" date NOT NULL,
	"start_minute" integer NOT NULL,
	"minutes" integer NOT NULL,
	"assisted" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "opening_rules_minutes_check" CHECK ("opening_rules"."start_minute" between 0 and 1439 and "opening_rules"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "qualification_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"qualification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "qualification_grants_source_check" CHECK ("qualification_grants"."source" in ('manual','event')),
	CONSTRAINT "qualification_grants_revoke_reason" CHECK ("qualification_grants"."revoked_at" is null or "qualification_grants"."revoke_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"how_to_obtain" jsonb,
	"validity_months" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualifications_validity_check" CHECK ("qualifications"."validity_months" is null or "qualifications"."validity_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" text NOT NULL,
	"category" text NOT NULL,
	"unit" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	CONSTRAINT "tariffs_category_check" CHECK ("tariffs"."category" in ('centre-staff','network-centre','sme','company','university','public-body')),
	CONSTRAINT "tariffs_unit_check" CHECK ("tariffs"."unit" in ('hour','half-day','sample')),
	CONSTRAINT "tariffs_amount_check" CHECK ("tariffs"."amount_cents" >= 0),
	CONSTRAINT "tariffs_validity_check" CHECK ("tariffs"."valid_to" is null or "tariffs"."valid_to" >= "tariffs"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "booking_id" uuid;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_qualification_id_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_offer_type_equipment_id_offers_type_id_fk" FOREIGN KEY ("offer_type","equipment_id") REFERENCES "public"."offers"("type","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_equipment_id_booking_policies_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."booking_policies"("equipment_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booker_user_id_users_id_fk" FOREIGN KEY ("booker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booker_organization_id_organizations_id_fk" FOREIGN KEY ("booker_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_equipment_id_booking_policies_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."booking_policies"("equipment_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_rules" ADD CONSTRAINT "opening_rules_equipment_id_booking_policies_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."booking_policies"("equipment_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_qualification_id_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."qualifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_grants" ADD CONSTRAINT "qualification_grants_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_equipment_id_booking_policies_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."booking_policies"("equipment_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id","id");--> statement-breakpoint
CREATE INDEX "booking_policies_organization_idx" ON "booking_policies" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "bookings_booker_idx" ON "bookings" USING btree ("booker_user_id");--> statement-breakpoint
CREATE INDEX "bookings_owner_idx" ON "bookings" USING btree ("owner_organization_id","state");--> statement-breakpoint
CREATE INDEX "bookings_state_idx" ON "bookings" USING btree ("state");--> statement-breakpoint
CREATE INDEX "closures_organization_idx" ON "closures" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "opening_rules_equipment_idx" ON "opening_rules" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "qualification_grants_user_idx" ON "qualification_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "qualification_grants_qualification_idx" ON "qualification_grants" USING btree ("qualification_id");--> statement-breakpoint
CREATE INDEX "qualifications_organization_idx" ON "qualifications" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_current_unique" ON "tariffs" USING btree ("equipment_id","category","unit") WHERE "tariffs"."valid_to" is null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: no double booking, decided by the database. Active rows (requested, confirmed, blocked) of one
-- instrument never overlap by their blocked range (the booked time widened by the set-up and cleaning buffers).
-- btree_gist lets the gist index compare equipment_id with =. PGlite loads the extension at start (db/client.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("equipment_id" WITH =, "blocked" WITH &&) WHERE ("state" IN ('requested','confirmed','blocked'));--> statement-breakpoint
CREATE INDEX "closures_during_idx" ON "closures" USING gist ("during");
