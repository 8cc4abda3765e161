-- Hand-written: events and news join the open data (decision 020). Their changes reach the change log as the
-- catalogue's do, through clock_log_visibility (migration open_data), with the public test of the anonymous API:
-- an event while it is published or cancelled and of public visibility (drafts and network-only events never log),
-- a news item while it is published (drafts and withdrawn items never log). The organisers of an event and the
-- organisations of a news item are part of its record: a change to them logs an upsert of a public record, and
-- decides nothing about its visibility.
CREATE OR REPLACE FUNCTION change_log_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM clock_log_visibility('event',
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id::text END,
    TG_OP <> 'INSERT' AND OLD.state IN ('published', 'cancelled') AND OLD.visibility = 'public',
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id::text END,
    TG_OP <> 'DELETE' AND NEW.state IN ('published', 'cancelled') AND NEW.visibility = 'public');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_log_news_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM clock_log_visibility('news',
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.id::text END,
    TG_OP <> 'INSERT' AND OLD.state = 'published',
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id::text END,
    TG_OP <> 'DELETE' AND NEW.state = 'published');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_log_event_organizers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ev uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM events WHERE id = ev AND state IN ('published', 'cancelled') AND visibility = 'public') THEN
    PERFORM clock_record_change('event', ev::text, 'upsert');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_log_news_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.news_id ELSE NEW.news_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM news_items WHERE id = item AND state = 'published') THEN
    PERFORM clock_record_change('news', item::text, 'upsert');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_change_log AFTER INSERT OR UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION change_log_events();
--> statement-breakpoint
CREATE TRIGGER news_items_change_log AFTER INSERT OR UPDATE OR DELETE ON news_items
  FOR EACH ROW EXECUTE FUNCTION change_log_news_items();
--> statement-breakpoint
CREATE TRIGGER event_organizers_change_log AFTER INSERT OR UPDATE OR DELETE ON event_organizers
  FOR EACH ROW EXECUTE FUNCTION change_log_event_organizers();
--> statement-breakpoint
CREATE TRIGGER news_organizations_change_log AFTER INSERT OR UPDATE OR DELETE ON news_organizations
  FOR EACH ROW EXECUTE FUNCTION change_log_news_organizations();
--> statement-breakpoint
-- Backfill: the events and news public already, so a follower starting from the beginning gets them.
INSERT INTO change_log (type, record_id, op, at)
SELECT type, id, 'upsert', at FROM (
  SELECT 1 AS k, number AS o, 'event' AS type, id::text AS id, updated_at AS at FROM events
    WHERE state IN ('published', 'cancelled') AND visibility = 'public'
  UNION ALL
  SELECT 2, number, 'news', id::text, updated_at FROM news_items WHERE state = 'published'
) backlog ORDER BY k, o;
