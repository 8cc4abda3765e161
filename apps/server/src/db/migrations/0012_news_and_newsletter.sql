CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb,
	"filiere" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"s3" text[] DEFAULT '{}' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_items_number_unique" UNIQUE("number"),
	CONSTRAINT "news_items_state_check" CHECK ("news_items"."state" in ('draft','published','withdrawn')),
	CONSTRAINT "news_items_published_at_check" CHECK ("news_items"."state" = 'draft' or "news_items"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "news_organizations" (
	"news_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "news_organizations_news_id_organization_id_pk" PRIMARY KEY("news_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"lang" text DEFAULT 'it' NOT NULL,
	"topics" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"digested_until" timestamp with time zone,
	CONSTRAINT "newsletter_subscriptions_unsubscribe_token_unique" UNIQUE("unsubscribe_token"),
	CONSTRAINT "newsletter_subscriptions_state_check" CHECK ("newsletter_subscriptions"."state" in ('pending','confirmed','unsubscribed')),
	CONSTRAINT "newsletter_subscriptions_lang_check" CHECK ("newsletter_subscriptions"."lang" in ('it','en'))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_organizations" ADD CONSTRAINT "news_organizations_news_id_news_items_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_organizations" ADD CONSTRAINT "news_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "news_items_published_idx" ON "news_items" USING btree ("published_at") WHERE "news_items"."state" = 'published';--> statement-breakpoint
CREATE INDEX "news_organizations_organization_idx" ON "news_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscriptions_email_live_idx" ON "newsletter_subscriptions" USING btree ("email") WHERE "newsletter_subscriptions"."state" <> 'unsubscribed';--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscriptions_confirm_idx" ON "newsletter_subscriptions" USING btree ("confirm_token_hash");