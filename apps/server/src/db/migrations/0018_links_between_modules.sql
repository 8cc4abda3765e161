-- Links between modules that were built side by side (decision 011): each was left as a plain column until the
-- module it points to existed.
ALTER TABLE "joint_actions" ADD CONSTRAINT "joint_actions_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "matchmaking_days" ADD CONSTRAINT "matchmaking_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null;--> statement-breakpoint
-- An agenda item may carry over an earlier meeting's outcome, and an outcome belongs to an agenda item: a cycle. The
-- two keys are checked at commit when a transaction asks for it (a restore writes the tables one after the other).
ALTER TABLE "agenda_items" ALTER CONSTRAINT "agenda_items_carried_outcome_id_meeting_outcomes_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ALTER CONSTRAINT "meeting_outcomes_agenda_item_fk" DEFERRABLE INITIALLY IMMEDIATE;
