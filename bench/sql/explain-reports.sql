-- EXPLAIN ANALYZE of the report queries behind bench/reports.sh: copies of the SQL in ReportRepository (publicSearch
-- for Open311 GET requests, search for the queue page); keep them in sync. Variables: partnership, category (muell).
\set ON_ERROR_STOP 1
\pset pager off

\echo '--- GET requests, default filter (last 90 days, LIMIT 1000)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.* FROM reports_report r JOIN reports_category c ON c.id = r.category_id
WHERE r.partnership_id = :'partnership' AND r.public_id IS NOT NULL AND r.status <> 'MODERATION'
  AND r.submitted_at >= now() - interval '90 days'
ORDER BY r.submitted_at DESC, r.id LIMIT 1000 OFFSET 0;

\echo '--- GET requests, service_code=muell (last 90 days, LIMIT 1000)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.* FROM reports_report r JOIN reports_category c ON c.id = r.category_id
WHERE r.partnership_id = :'partnership' AND r.public_id IS NOT NULL AND r.status <> 'MODERATION'
  AND c.code IN ('muell') AND r.submitted_at >= now() - interval '90 days'
ORDER BY r.submitted_at DESC, r.id LIMIT 1000 OFFSET 0;

\echo '--- GET requests, lat/long/radius 200 m (last 90 days; with the bounding box added by V18)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.* FROM reports_report r JOIN reports_category c ON c.id = r.category_id
WHERE r.partnership_id = :'partnership' AND r.public_id IS NOT NULL AND r.status <> 'MODERATION'
  AND r.submitted_at >= now() - interval '90 days'
  AND r.latitude BETWEEN 48.77 - degrees(200 / 6371008.8) AND 48.77 + degrees(200 / 6371008.8)
  AND r.longitude BETWEEN 9.19 - degrees(asin(sin(200 / 6371008.8) / cos(radians(48.77))))
                      AND 9.19 + degrees(asin(sin(200 / 6371008.8) / cos(radians(48.77))))
  AND r.latitude IS NOT NULL AND 2 * 6371008.8 * asin(sqrt(power(sin(radians(r.latitude - 48.77) / 2), 2)
      + cos(radians(48.77)) * cos(radians(r.latitude)) * power(sin(radians(r.longitude - 9.19) / 2), 2))) <= 200
ORDER BY r.submitted_at DESC, r.id LIMIT 1000 OFFSET 0;

\echo '--- events of one report (run once per report of the answer)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM reports_event WHERE report_id = (SELECT id FROM reports_report WHERE partnership_id = :'partnership'
                                                 ORDER BY submitted_at DESC LIMIT 1)
ORDER BY occurred_at, id;

\echo '--- queue "all": count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM reports_report r WHERE r.partnership_id = :'partnership' AND r.closed_at IS NULL;

\echo '--- queue "all": page 2'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.* FROM reports_report r WHERE r.partnership_id = :'partnership' AND r.closed_at IS NULL
ORDER BY r.submitted_at DESC, r.id LIMIT 25 OFFSET 25;

\echo '--- queue "coordination": count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM reports_report r WHERE r.partnership_id = :'partnership' AND r.assignee_id IS NULL
  AND r.closed_at IS NULL;

\echo '--- queue "coordination": page 1'
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.* FROM reports_report r WHERE r.partnership_id = :'partnership' AND r.assignee_id IS NULL
  AND r.closed_at IS NULL
ORDER BY r.submitted_at DESC, r.id LIMIT 25 OFFSET 0;

\echo '--- queue "all", category muell: count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM reports_report r WHERE r.partnership_id = :'partnership' AND r.closed_at IS NULL
  AND r.category_id = :'category';

\echo '--- queue "all" including closed: count'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM reports_report r WHERE r.partnership_id = :'partnership';
