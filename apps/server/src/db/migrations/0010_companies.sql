CREATE TABLE "company_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"reviewer_id" uuid,
	"reviewer_organization_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "company_claims_state_check" CHECK ("company_claims"."state" in ('pending','verified','rejected')),
	CONSTRAINT "company_claims_kind_check" CHECK ("company_claims"."kind" in ('register','join')),
	CONSTRAINT "company_claims_rejected_reason" CHECK ("company_claims"."state" <> 'rejected' or "company_claims"."reason" is not null),
	CONSTRAINT "company_claims_decided" CHECK (("company_claims"."state" = 'pending') = ("company_claims"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "company_profiles" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"vat_number" text,
	"size_class" text,
	"offers" jsonb,
	"seeks" jsonb,
	"verification" text DEFAULT 'pending' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_profiles_vat_check" CHECK ("company_profiles"."vat_number" is null or "company_profiles"."vat_number" ~ '^[0-9]{11}$'),
	CONSTRAINT "company_profiles_size_check" CHECK ("company_profiles"."size_class" is null or "company_profiles"."size_class" in ('micro','small','medium','large')),
	CONSTRAINT "company_profiles_verification_check" CHECK ("company_profiles"."verification" in ('pending','verified','rejected'))
);
--> statement-breakpoint
CREATE TABLE "organization_contacts" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"pec" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_contacts" (
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"consent_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_contacts_record_type_record_id_pk" PRIMARY KEY("record_type","record_id"),
	CONSTRAINT "record_contacts_type_check" CHECK ("record_contacts"."record_type" in ('competence','service','equipment'))
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_claims" ADD CONSTRAINT "company_claims_reviewer_organization_id_organizations_id_fk" FOREIGN KEY ("reviewer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_contacts" ADD CONSTRAINT "organization_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "company_claims_one_pending" ON "company_claims" USING btree ("user_id","organization_id") WHERE "company_claims"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "company_claims_state_idx" ON "company_claims" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "company_claims_organization_idx" ON "company_claims" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_profiles_vat_unique" ON "company_profiles" USING btree ("vat_number");--> statement-breakpoint
CREATE INDEX "requests_source_idx" ON "requests" USING btree ("source_type","source_id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_source_check" CHECK (("requests"."source_type" is null) = ("requests"."source_id" is null) and ("requests"."source_type" is null or "requests"."source_type" in ('competence','service','equipment','expert')));