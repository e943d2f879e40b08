-- Trigram matching backs typo-tolerant catalog search; enabling it first makes a server
-- without the contrib extensions fail at start-up, not at the first search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
