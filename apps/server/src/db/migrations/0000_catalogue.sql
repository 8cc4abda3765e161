CREATE SEQUENCE "public"."catalogue_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "experts" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"role" jsonb,
	"expertise" jsonb,
	"keywords" text[],
	"public_profile" boolean,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "experts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"revision" bigint DEFAULT nextval('catalogue_revision_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"type" text NOT NULL,
	"id" text NOT NULL,
	"organization_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"keywords" text[],
	"technology_areas" text[],
	"sectors" text[],
	"filiere" text[],
	"trl" integer,
	"service_kind" text,
	"lab" text,
	"location" text,
	"bookable" boolean,
	"access" text,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "offers_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"revision" bigint DEFAULT nextval('catalogue_revision_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "offers_type_id_pk" PRIMARY KEY("type","id"),
	CONSTRAINT "offers_type_check" CHECK ("offers"."type" in ('competence','service','equipment')),
	CONSTRAINT "offers_trl_check" CHECK ("offers"."trl" is null or ("offers"."type" = 'competence' and "offers"."trl" between 1 and 9)),
	CONSTRAINT "offers_service_kind_check" CHECK ("offers"."service_kind" is null or ("offers"."type" = 'service' and "offers"."service_kind" in ('testing','analysis','consulting','training','certification','incubation','prototyping','funding_support','technology_scouting','other'))),
	CONSTRAINT "offers_equipment_fields_check" CHECK ("offers"."type" = 'equipment' or ("offers"."lab" is null and "offers"."location" is null and "offers"."bookable" is null and "offers"."access" is null)),
	CONSTRAINT "offers_access_check" CHECK ("offers"."access" is null or "offers"."access" in ('internal','network','public'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"town" text,
	"province" text,
	"website" text,
	"description" jsonb,
	"sectors" text[],
	"filiere" text[],
	"s3" text[],
	"profile" jsonb,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "organizations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"revision" bigint DEFAULT nextval('catalogue_revision_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "organizations_kind_check" CHECK ("organizations"."kind" in ('centre','company','region','university','research_body','association')),
	CONSTRAINT "organizations_province_check" CHECK ("organizations"."province" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	"label" jsonb NOT NULL,
	"parent_code" text,
	CONSTRAINT "taxonomy_terms_scheme_code_pk" PRIMARY KEY("scheme","code"),
	CONSTRAINT "taxonomy_terms_scheme_check" CHECK ("taxonomy_terms"."scheme" in ('sector','filiera','s3','technologyArea'))
);
--> statement-breakpoint
CREATE INDEX "experts_organization_idx" ON "experts" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "experts_revision_idx" ON "experts" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "offers_organization_idx" ON "offers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "offers_revision_idx" ON "offers" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "organizations_revision_idx" ON "organizations" USING btree ("revision");