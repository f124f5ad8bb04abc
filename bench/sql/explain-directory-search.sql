-- EXPLAIN ANALYZE of the directory search for one text search, as the app runs it: the count query and the
-- first page (25 rows), once with a custom plan (parameter values known to the planner) and once with the
-- generic plan that PostgreSQL may switch to for a prepared statement after five executions (the JDBC driver
-- prepares statements on the server after five uses).
-- The SQL is copied from src/main/java/de/sipa/partners/DirectoryRepository.java; keep it in sync.
-- Variables: partnership (uuid), pattern (LIKE pattern, e.g. %schm%).
\set ON_ERROR_STOP on
\pset pager off

PREPARE directory_count(uuid, text, text, uuid, uuid, uuid) AS
SELECT count(*)
FROM partners_person p
JOIN partners_organisation o ON o.id = p.organisation_id
WHERE p.partnership_id = $1
  AND (CAST($2 AS TEXT) IS NULL
       OR lower(p.first_name || ' ' || p.last_name) LIKE $2
       OR lower(p.last_name || ' ' || p.first_name) LIKE $2
       OR lower(coalesce(p.function, '')) LIKE $2
       OR lower(o.name) LIKE $2
       OR lower(coalesce(p.email, '')) LIKE $2)
  AND (CAST($3 AS TEXT) IS NULL OR lower(coalesce(p.function, '')) LIKE $3)
  AND (CAST($4 AS UUID) IS NULL OR p.organisation_id = $4)
  AND (CAST($5 AS UUID) IS NULL OR EXISTS (
       SELECT 1 FROM partners_person_district pd WHERE pd.person_id = p.id AND pd.district_id = $5))
  AND (CAST($6 AS UUID) IS NULL OR EXISTS (
       SELECT 1 FROM partners_membership m WHERE m.person_id = p.id AND m.body_id = $6
       AND m.starts_on <= current_date AND (m.ends_on IS NULL OR m.ends_on >= current_date)));

PREPARE directory_page(uuid, text, text, uuid, uuid, uuid, int, bigint) AS
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
  AND (CAST($2 AS TEXT) IS NULL
       OR lower(p.first_name || ' ' || p.last_name) LIKE $2
       OR lower(p.last_name || ' ' || p.first_name) LIKE $2
       OR lower(coalesce(p.function, '')) LIKE $2
       OR lower(o.name) LIKE $2
       OR lower(coalesce(p.email, '')) LIKE $2)
  AND (CAST($3 AS TEXT) IS NULL OR lower(coalesce(p.function, '')) LIKE $3)
  AND (CAST($4 AS UUID) IS NULL OR p.organisation_id = $4)
  AND (CAST($5 AS UUID) IS NULL OR EXISTS (
       SELECT 1 FROM partners_person_district pd WHERE pd.person_id = p.id AND pd.district_id = $5))
  AND (CAST($6 AS UUID) IS NULL OR EXISTS (
       SELECT 1 FROM partners_membership m WHERE m.person_id = p.id AND m.body_id = $6
       AND m.starts_on <= current_date AND (m.ends_on IS NULL OR m.ends_on >= current_date)))
ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT $7 OFFSET $8;

-- Warm the cache the way the benchmark did, then explain.
EXECUTE directory_count(:'partnership', :'pattern', NULL, NULL, NULL, NULL);
\o /dev/null
EXECUTE directory_page(:'partnership', :'pattern', NULL, NULL, NULL, NULL, 25, 0);
\o

\echo '--- count query, custom plan'
SET plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_count(:'partnership', :'pattern', NULL, NULL, NULL, NULL);
\echo '--- page query (first 25), custom plan'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_page(:'partnership', :'pattern', NULL, NULL, NULL, NULL, 25, 0);
\echo '--- count query, generic plan'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_count(:'partnership', :'pattern', NULL, NULL, NULL, NULL);
\echo '--- page query (first 25), generic plan'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE directory_page(:'partnership', :'pattern', NULL, NULL, NULL, NULL, 25, 0);
