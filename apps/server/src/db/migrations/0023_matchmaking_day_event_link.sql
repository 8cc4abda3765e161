-- The foreign key matchmaking_days.event_id → events.id (on delete set null) was added by hand in
-- 0018_links_between_modules; the schema now declares it, so drizzle-kit's snapshot records it and this migration does
-- not add it again. What is new: an index on event_id, which an event's page reads (`GET /matchmaking?event=`) and a
-- deleted event's `set null` looks up.
CREATE INDEX "matchmaking_days_event_idx" ON "matchmaking_days" USING btree ("event_id");
