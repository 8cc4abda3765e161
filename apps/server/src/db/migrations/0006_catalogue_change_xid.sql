ALTER TABLE "experts" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "experts_change_xid_idx" ON "experts" USING btree ("change_xid");--> statement-breakpoint
CREATE INDEX "offers_change_xid_idx" ON "offers" USING btree ("change_xid");--> statement-breakpoint
CREATE INDEX "organizations_change_xid_idx" ON "organizations" USING btree ("change_xid");--> statement-breakpoint
-- Hand-written: every insert and update of a catalogue row records the writing transaction, whichever code path
-- (or operator) wrote it, so readers that follow changes by database snapshot miss none (decision 008).
CREATE OR REPLACE FUNCTION catalogue_set_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_change_xid BEFORE INSERT OR UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION catalogue_set_change_xid();
--> statement-breakpoint
CREATE TRIGGER offers_change_xid BEFORE INSERT OR UPDATE ON offers
  FOR EACH ROW EXECUTE FUNCTION catalogue_set_change_xid();
--> statement-breakpoint
CREATE TRIGGER experts_change_xid BEFORE INSERT OR UPDATE ON experts
  FOR EACH ROW EXECUTE FUNCTION catalogue_set_change_xid();
