-- Experiment, not a change: would pg_trgm indexes speed up the directory's text search?
-- Runs inside a transaction that is rolled back, so the benchmark database is left as it was.
-- A: trigram GIN indexes on every expression the current query matches with LIKE - is any of them used?
-- B: one trigram GIN index on one search expression and a reshaped query (person fields in one LIKE,
--    organisation names through an index-friendly "organisation_id = ANY (ARRAY(...))") - how fast is that?
--    And the page query: as today (ORDER BY ... LIMIT) and with the total counted in the same query.
-- Variables: partnership (uuid).
\set ON_ERROR_STOP on
\pset pager off
BEGIN;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SELECT extversion AS trgm_version FROM pg_extension WHERE extname = 'pg_trgm' \gset
\echo '--- CREATE EXTENSION pg_trgm works in the embedded PostgreSQL: version' :trgm_version

-- A
CREATE INDEX bench_person_first_last_trgm ON partners_person USING gin (lower(first_name || ' ' || last_name) gin_trgm_ops);
CREATE INDEX bench_person_last_first_trgm ON partners_person USING gin (lower(last_name || ' ' || first_name) gin_trgm_ops);
CREATE INDEX bench_person_function_trgm ON partners_person USING gin (lower(coalesce(function, '')) gin_trgm_ops);
CREATE INDEX bench_person_email_trgm ON partners_person USING gin (lower(coalesce(email, '')) gin_trgm_ops);
CREATE INDEX bench_organisation_name_trgm ON partners_organisation USING gin (lower(name) gin_trgm_ops);
ANALYZE partners_person;
ANALYZE partners_organisation;

PREPARE current_count(uuid, text) AS
SELECT count(*)
FROM partners_person p
JOIN partners_organisation o ON o.id = p.organisation_id
WHERE p.partnership_id = $1
  AND (CAST($2 AS TEXT) IS NULL
       OR lower(p.first_name || ' ' || p.last_name) LIKE $2
       OR lower(p.last_name || ' ' || p.first_name) LIKE $2
       OR lower(coalesce(p.function, '')) LIKE $2
       OR lower(o.name) LIKE $2
       OR lower(coalesce(p.email, '')) LIKE $2);
SET plan_cache_mode = force_custom_plan;
\echo '--- A: current count query, with trigram indexes on each matched expression, text schm'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE current_count(:'partnership', '%schm%');

DROP INDEX bench_person_first_last_trgm, bench_person_last_first_trgm, bench_person_function_trgm,
           bench_person_email_trgm, bench_organisation_name_trgm;

-- B. The separator is a line feed, which a search field cannot contain, so no match spans two fields.
CREATE INDEX bench_person_search_trgm ON partners_person USING gin (
    lower(first_name || ' ' || last_name || E'\n' || last_name || ' ' || first_name || E'\n'
          || coalesce(function, '') || E'\n' || coalesce(email, '')) gin_trgm_ops);
ANALYZE partners_person;

PREPARE reshaped_count(uuid, text) AS
SELECT count(*)
FROM partners_person p
WHERE p.partnership_id = $1
  AND (lower(p.first_name || ' ' || p.last_name || E'\n' || p.last_name || ' ' || p.first_name || E'\n'
             || coalesce(p.function, '') || E'\n' || coalesce(p.email, '')) LIKE $2
       OR p.organisation_id = ANY (ARRAY(SELECT o.id FROM partners_organisation o
                                         WHERE o.partnership_id = $1 AND lower(o.name) LIKE $2)));

PREPARE reshaped_page(uuid, text, int, bigint) AS
SELECT p.id, p.salutation, p.first_name, p.last_name, p.function, p.organisation_id, o.name AS organisation,
       p.phone, p.mobile, p.email, o.on_duty_phone,
       ARRAY(SELECT b.name FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
             WHERE m.person_id = p.id AND m.starts_on <= current_date
               AND (m.ends_on IS NULL OR m.ends_on >= current_date) ORDER BY b.name) AS bodies,
       ARRAY(SELECT d.name FROM partners_person_district pd JOIN partners_district d ON d.id = pd.district_id
             WHERE pd.person_id = p.id ORDER BY d.position) AS districts
FROM partners_person p
JOIN partners_organisation o ON o.id = p.organisation_id
WHERE p.partnership_id = $1
  AND (lower(p.first_name || ' ' || p.last_name || E'\n' || p.last_name || ' ' || p.first_name || E'\n'
             || coalesce(p.function, '') || E'\n' || coalesce(p.email, '')) LIKE $2
       OR p.organisation_id = ANY (ARRAY(SELECT o2.id FROM partners_organisation o2
                                         WHERE o2.partnership_id = $1 AND lower(o2.name) LIKE $2)))
ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT $3 OFFSET $4;

\echo '--- B: reshaped count query, one trigram index, text schm (frequent)'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_count(:'partnership', '%schm%');
\echo '--- B: reshaped page query (first 25), text schm'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_page(:'partnership', '%schm%', 25, 0);
-- The page query above may walk the name index in sort order and filter (fast only if matches come early in
-- the alphabet). Counting in the same query with a window function makes it collect the matches first.
PREPARE reshaped_page_with_total(uuid, text, int, bigint) AS
SELECT p.id, p.salutation, p.first_name, p.last_name, p.function, p.organisation_id, o.name AS organisation,
       p.phone, p.mobile, p.email, o.on_duty_phone, count(*) OVER () AS total,
       ARRAY(SELECT b.name FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
             WHERE m.person_id = p.id AND m.starts_on <= current_date
               AND (m.ends_on IS NULL OR m.ends_on >= current_date) ORDER BY b.name) AS bodies,
       ARRAY(SELECT d.name FROM partners_person_district pd JOIN partners_district d ON d.id = pd.district_id
             WHERE pd.person_id = p.id ORDER BY d.position) AS districts
FROM partners_person p
JOIN partners_organisation o ON o.id = p.organisation_id
WHERE p.partnership_id = $1
  AND (lower(p.first_name || ' ' || p.last_name || E'\n' || p.last_name || ' ' || p.first_name || E'\n'
             || coalesce(p.function, '') || E'\n' || coalesce(p.email, '')) LIKE $2
       OR p.organisation_id = ANY (ARRAY(SELECT o2.id FROM partners_organisation o2
                                         WHERE o2.partnership_id = $1 AND lower(o2.name) LIKE $2)))
ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT $3 OFFSET $4;
\echo '--- B: reshaped page query with count(*) OVER () - count and first 25 in one query, text schm'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_page_with_total(:'partnership', '%schm%', 25, 0);
\echo '--- B: reshaped count query, text przyb (rare)'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_count(:'partnership', '%przyb%');
\echo '--- B: reshaped count query, text polizei (matches organisation names)'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_count(:'partnership', '%polizei%');
\echo '--- B: reshaped count query, text mü (2 characters: too short for trigrams)'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_count(:'partnership', '%mü%');
\echo '--- B: same matches as the current query? (pattern: current / reshaped count)'
EXECUTE current_count(:'partnership', '%schm%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%schm%') \gset new_
\echo '---   schm:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%przyb%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%przyb%') \gset new_
\echo '---   przyb:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%polizei%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%polizei%') \gset new_
\echo '---   polizei:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%mü%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%mü%') \gset new_
\echo '---   mü:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%anna m%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%anna m%') \gset new_
\echo '---   anna m:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%müller a%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%müller a%') \gset new_
\echo '---   müller a:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%präv%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%präv%') \gset new_
\echo '---   präv:' :cur_count '/' :new_count
EXECUTE current_count(:'partnership', '%@musterstadt%') \gset cur_
EXECUTE reshaped_count(:'partnership', '%@musterstadt%') \gset new_
\echo '---   @musterstadt:' :cur_count '/' :new_count
\echo '--- B: reshaped count query, text schm, generic plan'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE reshaped_count(:'partnership', '%schm%');
ROLLBACK;
