-- Directory search "contains" in name, function and e-mail through one trigram index (pg_trgm ships with
-- PostgreSQL's contrib modules; the embedded PostgreSQL has it). Line feeds separate the fields, so that no
-- match spans two of them: they cannot be typed into the search field.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX partners_person_search ON partners_person USING gin (
    lower(first_name || ' ' || last_name || E'\n' || last_name || ' ' || first_name || E'\n'
          || coalesce(function, '') || E'\n' || coalesce(email, '')) gin_trgm_ops);
