-- Hand-written: the text of each catalogue record as a tsvector ('simple' configuration: lower-cased words, no
-- stemming, no stop words), for the answers given from the database while the in-memory search index is being built
-- (catalogue.repo.searchCatalogueText). GIN indexes on these expressions let a query's words (as prefixes) find their
-- records without reading the tables. The functions are immutable (array_to_string of text[] is, whatever its
-- declared volatility); the query must call them with the same arguments for an index to be used. A high cost tells
-- the planner that evaluating one per row is dearer than reading the index.
CREATE FUNCTION "organization_search_vector"(name text, short_name text, description jsonb, town text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
  SELECT to_tsvector('simple'::regconfig,
    concat_ws(' ', name, short_name, description->>'it', description->>'en', town))
$$;--> statement-breakpoint
CREATE FUNCTION "offer_search_vector"(title jsonb, description jsonb, keywords text[], lab text, location text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
  SELECT to_tsvector('simple'::regconfig,
    concat_ws(' ', title->>'it', title->>'en', description->>'it', description->>'en',
      array_to_string(keywords, ' '), lab, location))
$$;--> statement-breakpoint
CREATE FUNCTION "expert_search_vector"(name text, role jsonb, expertise jsonb, keywords text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
  SELECT to_tsvector('simple'::regconfig,
    concat_ws(' ', name, role->>'it', role->>'en', expertise->>'it', expertise->>'en', array_to_string(keywords, ' ')))
$$;--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations"
  USING gin ("organization_search_vector"("name", "short_name", "description", "town")) WHERE "retired_at" IS NULL;--> statement-breakpoint
CREATE INDEX "offers_search_idx" ON "offers"
  USING gin ("offer_search_vector"("title", "description", "keywords", "lab", "location")) WHERE "retired_at" IS NULL;--> statement-breakpoint
CREATE INDEX "experts_search_idx" ON "experts"
  USING gin ("expert_search_vector"("name", "role", "expertise", "keywords")) WHERE "retired_at" IS NULL;
