CREATE TABLE "kpi_definitions" (
	"code" text PRIMARY KEY NOT NULL,
	"label" jsonb NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"source" text NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_definitions_code_check" CHECK ("kpi_definitions"."code" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
	CONSTRAINT "kpi_definitions_kind_check" CHECK ("kpi_definitions"."kind" in ('count','percentage','amount','boolean')),
	CONSTRAINT "kpi_definitions_direction_check" CHECK ("kpi_definitions"."direction" in ('up','down')),
	CONSTRAINT "kpi_definitions_aggregation_check" CHECK ("kpi_definitions"."aggregation" in ('sum','mean','median','last')),
	CONSTRAINT "kpi_definitions_source_check" CHECK ("kpi_definitions"."source" in ('computed','manual'))
);
--> statement-breakpoint
CREATE TABLE "kpi_manual_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kpi_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"organization_id" text,
	"value" double precision,
	"boolean_value" boolean,
	"numerator" double precision,
	"denominator" double precision,
	"evidence_url" text NOT NULL,
	"note" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_manual_values_unique" UNIQUE NULLS NOT DISTINCT("kpi_code","period_from","period_to","organization_id"),
	CONSTRAINT "kpi_manual_values_period_check" CHECK ("kpi_manual_values"."period_from" <= "kpi_manual_values"."period_to"),
	CONSTRAINT "kpi_manual_values_one_value" CHECK (("kpi_manual_values"."value" is null) <> ("kpi_manual_values"."boolean_value" is null)),
	CONSTRAINT "kpi_manual_values_fraction_check" CHECK (("kpi_manual_values"."numerator" is null) = ("kpi_manual_values"."denominator" is null) and ("kpi_manual_values"."denominator" is null or "kpi_manual_values"."denominator" > 0))
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kpi_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"organization_id" text,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_unique" UNIQUE NULLS NOT DISTINCT("kpi_code","period_from","period_to","organization_id"),
	CONSTRAINT "kpi_targets_period_check" CHECK ("kpi_targets"."period_from" <= "kpi_targets"."period_to")
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"organization_id" text,
	"text" jsonb NOT NULL,
	"s3" text[] DEFAULT '{}'::text[] NOT NULL,
	"kpis" text[] DEFAULT '{}'::text[] NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_number_unique" UNIQUE("number"),
	CONSTRAINT "objectives_period_check" CHECK ("objectives"."period_from" <= "objectives"."period_to")
);
--> statement-breakpoint
CREATE TABLE "protocol_parties" (
	"protocol_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "protocol_parties_protocol_id_organization_id_pk" PRIMARY KEY("protocol_id","organization_id"),
	CONSTRAINT "protocol_parties_position_unique" UNIQUE("protocol_id","position"),
	CONSTRAINT "protocol_parties_role_check" CHECK ("protocol_parties"."role" in ('centre','region'))
);
--> statement-breakpoint
CREATE TABLE "protocol_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" uuid NOT NULL,
	"renewed_on" date NOT NULL,
	"term_months" integer NOT NULL,
	"note" jsonb,
	CONSTRAINT "protocol_renewals_term_check" CHECK ("protocol_renewals"."term_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"signed_on" date NOT NULL,
	"place" text,
	"term_months" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protocols_term_check" CHECK ("protocols"."term_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"report_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"comment" text NOT NULL,
	"author_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_comments_report_id_organization_id_pk" PRIMARY KEY("report_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "report_signatures" (
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	"signed_by" uuid,
	"signer_name" text,
	"signed_at" timestamp with time zone,
	CONSTRAINT "report_signatures_report_id_position_pk" PRIMARY KEY("report_id","position"),
	CONSTRAINT "report_signatures_role_check" CHECK ("report_signatures"."role" in ('centre','region')),
	CONSTRAINT "report_signatures_signed_check" CHECK (("report_signatures"."signed_at" is null) = ("report_signatures"."signer_name" is null))
);
--> statement-breakpoint
CREATE TABLE "verification_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"protocol_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"reopen_reason" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"conclusions" text,
	"adjustments" text,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"content_hash" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "verification_reports_number_unique" UNIQUE("number"),
	CONSTRAINT "verification_reports_revision_unique" UNIQUE("period_from","period_to","revision"),
	CONSTRAINT "verification_reports_period_check" CHECK ("verification_reports"."period_from" <= "verification_reports"."period_to"),
	CONSTRAINT "verification_reports_state_check" CHECK ("verification_reports"."state" in ('draft','signing','signed','reopened')),
	CONSTRAINT "verification_reports_signed_hash" CHECK ("verification_reports"."state" not in ('signed','reopened') or ("verification_reports"."content_hash" is not null and "verification_reports"."signed_at" is not null)),
	CONSTRAINT "verification_reports_reopen_reason" CHECK ("verification_reports"."previous_id" is null or "verification_reports"."reopen_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_kpi_code_kpi_definitions_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpi_definitions"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_code_kpi_definitions_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpi_definitions"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_parties" ADD CONSTRAINT "protocol_parties_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_parties" ADD CONSTRAINT "protocol_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "protocol_renewals" ADD CONSTRAINT "protocol_renewals_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_report_id_verification_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."verification_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signatures" ADD CONSTRAINT "report_signatures_report_id_verification_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."verification_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_signatures" ADD CONSTRAINT "report_signatures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "report_signatures" ADD CONSTRAINT "report_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_reports" ADD CONSTRAINT "verification_reports_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_reports" ADD CONSTRAINT "verification_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objectives_period_idx" ON "objectives" USING btree ("period_from","period_to");--> statement-breakpoint
-- Hand-written: a signed verification report is immutable. UPDATE and DELETE of a signed (or reopened) revision are
-- refused, except the one change reopening makes: state 'signed' → 'reopened' with every other column unchanged.
CREATE OR REPLACE FUNCTION verification_reports_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IN ('signed', 'reopened') THEN
    IF TG_OP = 'UPDATE' AND OLD.state = 'signed' AND NEW.state = 'reopened'
       AND (to_jsonb(NEW) - 'state') = (to_jsonb(OLD) - 'state') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'verification report % revision % is signed: % is not allowed', OLD.number, OLD.revision, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER verification_reports_signed_immutable BEFORE UPDATE OR DELETE ON verification_reports
  FOR EACH ROW EXECUTE FUNCTION verification_reports_refuse_signed_change();--> statement-breakpoint
-- The comments and signatures of a signed report are part of what was signed: refused too.
CREATE OR REPLACE FUNCTION report_parts_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM verification_reports r WHERE r.id = OLD.report_id AND r.state IN ('signed', 'reopened')) THEN
    RAISE EXCEPTION 'verification report % is signed: % on % is not allowed', OLD.report_id, TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER report_comments_signed_immutable BEFORE UPDATE OR DELETE ON report_comments
  FOR EACH ROW EXECUTE FUNCTION report_parts_refuse_signed_change();--> statement-breakpoint
CREATE TRIGGER report_signatures_signed_immutable BEFORE UPDATE OR DELETE ON report_signatures
  FOR EACH ROW EXECUTE FUNCTION report_parts_refuse_signed_change();--> statement-breakpoint
-- Hand-written: the KPIs select requests by the day they were submitted and closed.
CREATE INDEX IF NOT EXISTS "requests_submitted_at_idx" ON "requests" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_closed_at_idx" ON "requests" USING btree ("closed_at");
