-- EXPLAIN ANALYZE of the directory search for one text search, as the app runs it: one page query that also
-- counts the matches (count(*) OVER ()), once with a custom plan (parameter values known to the planner) and
-- once with the generic plan that PostgreSQL may switch to for a prepared statement after five executions.
-- The SQL is copied from src/main/java/de/sipa/partners/DirectoryRepository.java (text given, no other
-- filter); keep it in sync. Variables: partnership (uuid), pattern (LIKE pattern, e.g. %schm%).
\set ON_ERROR_STOP on
\pset pager off

PREPARE directory_page(uuid, text, int, bigint) AS
SELECT p.id, p.salutation, p.first_name, p.last_name, p.function, p.organisation_id, o.name AS organisation,
       p.phone, p.mobile, p.email, o.on_duty_phone,
       ARRAY(SELECT b.name FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
             WHERE m.person_id = p.id AND m.starts_on <= current_date
               AND (m.ends_on IS NULL OR m.ends_on >= current_date) ORDER BY b.name) AS bodies,
       ARRAY(SELECT d.name FROM partners_person_district pd JOIN partners_district d ON d.id = pd.district_id
             WHERE pd.person_id = p.id ORDER BY d.position) AS districts,
       count(*) OVER () AS total
FROM partners_person p
JOIN partners_organisation o ON o.id = p.organisation_id
WHERE p.partnership_id = $1
  AND (lower(p.first_name || ' ' || p.last_name || E'\n' || p.last_name || ' ' || p.first_name || E'\n'
             || coalesce(p.function, '') || E'\n' || coalesce(p.email, '')) LIKE $2
       OR p.organisation_id = ANY (ARRAY(SELECT id FROM partners_organisation
                                         WHERE partnership_id = $1 AND lower(name) LIKE $2)))
ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT $3 OFFSET $4;

-- Warm the cache the way the benchmark did, then explain.
\o /dev/null
EXECUTE directory_page(:'partnership', :'pattern', 25, 0);
\o

\echo '--- page query with match count (first 25), custom plan'
SET plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_page(:'partnership', :'pattern', 25, 0);
\echo '--- page query with match count (first 25), generic plan'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_page(:'partnership', :'pattern', 25, 0);
