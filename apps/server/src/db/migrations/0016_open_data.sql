CREATE TABLE "change_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"position" bigint,
	"type" text NOT NULL,
	"record_id" text NOT NULL,
	"op" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "change_log_op_check" CHECK ("change_log"."op" in ('upsert','delete')),
	CONSTRAINT "change_log_published_check" CHECK (("change_log"."position" is null) = ("change_log"."published_at" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "change_log_position_idx" ON "change_log" USING btree ("position");--> statement-breakpoint
CREATE INDEX "change_log_type_position_idx" ON "change_log" USING btree ("type","position");--> statement-breakpoint
CREATE INDEX "change_log_pending_idx" ON "change_log" USING btree ("seq") WHERE "change_log"."position" is null;--> statement-breakpoint
CREATE INDEX "experts_seq_idx" ON "experts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "offers_type_seq_idx" ON "offers" USING btree ("type","seq");--> statement-breakpoint
CREATE INDEX "organizations_seq_idx" ON "organizations" USING btree ("seq");--> statement-breakpoint
-- Hand-written: the change feed is written by triggers, so no write path (the API, an import, an operator's SQL)
-- can forget a change to a public record (decision 020). A record counts as public exactly where the anonymous API
-- shows it; a change is logged as `upsert` while the record is public, as `delete` when it stops being public
-- (retired, consent withdrawn, made confidential, deleted), and not at all while it never was.
-- A restore (`clock restore`) sets clock.restoring for its transaction: it brings the change log of the backup with
-- it, so the rows it inserts log nothing again.
CREATE OR REPLACE FUNCTION clock_record_change(p_type text, p_id text, p_op text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('clock.restoring', true) = 'on' THEN
    RETURN;
  END IF;
  INSERT INTO change_log (type, record_id, op) VALUES (p_type, p_id, p_op);
END;
$$;
--> statement-breakpoint
-- Shared by every table: `was` / `now_public` say whether the old and new rows are public.
CREATE OR REPLACE FUNCTION clock_log_visibility(p_type text, old_id text, was boolean, new_id text, now_public boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF was AND (NOT now_public OR new_id IS DISTINCT FROM old_id) THEN
    PERFORM clock_record_change(p_type, old_id, 'delete');
  END IF;
  IF now_public THEN
    PERFORM clock_record_change(p_type, new_id, 'upsert');
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_log_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM clock_log_visibility('organization',
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id END,
    TG_OP <> 'INSERT' AND OLD.retired_at IS NULL,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id END,
    TG_OP <> 'DELETE' AND NEW.retired_at IS NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_log_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.type <> NEW.type THEN
    PERFORM clock_log_visibility(OLD.type, OLD.id, OLD.retired_at IS NULL, NULL, false);
    PERFORM clock_log_visibility(NEW.type, NULL, false, NEW.id, NEW.retired_at IS NULL);
    RETURN NULL;
  END IF;
  PERFORM clock_log_visibility(CASE WHEN TG_OP = 'DELETE' THEN OLD.type ELSE NEW.type END,
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id END,
    TG_OP <> 'INSERT' AND OLD.retired_at IS NULL,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id END,
    TG_OP <> 'DELETE' AND NEW.retired_at IS NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Experts are public only with a recorded consent (public_profile); the others are network content.
CREATE OR REPLACE FUNCTION change_log_experts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM clock_log_visibility('expert',
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id END,
    TG_OP <> 'INSERT' AND OLD.retired_at IS NULL AND OLD.public_profile IS TRUE,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id END,
    TG_OP <> 'DELETE' AND NEW.retired_at IS NULL AND NEW.public_profile IS TRUE);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A company's public profile is part of its organisation record.
CREATE OR REPLACE FUNCTION change_log_company_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text := CASE WHEN TG_OP = 'DELETE' THEN OLD.organization_id ELSE NEW.organization_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM organizations WHERE id = org AND retired_at IS NULL) THEN
    PERFORM clock_record_change('organization', org, 'upsert');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Requests: only the summary of a public request the nucleus opened is public; a change to anything else of a
-- request (its details, a confidential or network-only request) leaves no entry.
CREATE OR REPLACE FUNCTION change_log_requests() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.confidentiality = 'public' AND OLD.opened_at IS NOT NULL;
  now_public boolean := TG_OP <> 'DELETE' AND NEW.confidentiality = 'public' AND NEW.opened_at IS NOT NULL;
BEGIN
  IF TG_OP = 'UPDATE' AND was AND now_public
    AND (OLD.title, OLD.summary, OLD.state, OLD.sector, OLD.filiera, OLD.lang, OLD.number)
      IS NOT DISTINCT FROM (NEW.title, NEW.summary, NEW.state, NEW.sector, NEW.filiera, NEW.lang, NEW.number) THEN
    RETURN NULL;
  END IF;
  PERFORM clock_log_visibility('request',
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id::text END, was,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id::text END, now_public);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_change_log AFTER INSERT OR UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION change_log_organizations();
--> statement-breakpoint
CREATE TRIGGER offers_change_log AFTER INSERT OR UPDATE OR DELETE ON offers
  FOR EACH ROW EXECUTE FUNCTION change_log_offers();
--> statement-breakpoint
CREATE TRIGGER experts_change_log AFTER INSERT OR UPDATE OR DELETE ON experts
  FOR EACH ROW EXECUTE FUNCTION change_log_experts();
--> statement-breakpoint
CREATE TRIGGER company_profiles_change_log AFTER INSERT OR UPDATE OR DELETE ON company_profiles
  FOR EACH ROW EXECUTE FUNCTION change_log_company_profiles();
--> statement-breakpoint
CREATE TRIGGER requests_change_log AFTER INSERT OR UPDATE OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION change_log_requests();
--> statement-breakpoint
-- Backfill: what is public already, so a follower starting from the beginning gets everything.
INSERT INTO change_log (type, record_id, op, at)
SELECT type, id, 'upsert', at FROM (
  SELECT 1 AS k, seq AS o, 'organization' AS type, id, updated_at AS at FROM organizations WHERE retired_at IS NULL
  UNION ALL
  SELECT 2, seq, type, id, updated_at FROM offers WHERE retired_at IS NULL
  UNION ALL
  SELECT 3, seq, 'expert', id, updated_at FROM experts WHERE retired_at IS NULL AND public_profile IS TRUE
  UNION ALL
  SELECT 4, number, 'request', id::text, updated_at FROM requests WHERE confidentiality = 'public' AND opened_at IS NOT NULL
) backlog ORDER BY k, o;
