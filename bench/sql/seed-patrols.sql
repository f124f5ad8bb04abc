-- Data generator for bench/patrol-roster.sh: a year of joint patrols in the demo partnership Musterstadt.
--   psql -v year=2027 -v patrols=2000 -f bench/sql/seed-patrols.sql
-- Eight plans "Bench 1-8" (police 2 + Ordnungsamt 2, the demo's two areas), their patrols spread evenly over the
-- year (evening and night windows, some past midnight); about 80 % of the slots filled with people of the two
-- organisations, 3 % of the patrols cancelled. Reproducible up to the UUIDs (setseed).
\set ON_ERROR_STOP 1
\if :{?year}
\else
\set year 2027
\endif
\if :{?patrols}
\else
\set patrols 2000
\endif

SELECT setseed(0.2027);

BEGIN;
CREATE TEMP TABLE bench_org AS
SELECT o.id, o.name, p.id AS partnership_id FROM partners_organisation o
JOIN partners_partnership p ON p.id = o.partnership_id
WHERE p.slug = 'musterstadt' AND o.name IN ('Polizeipräsidium Musterstadt', 'Amt für öffentliche Ordnung');

CREATE TEMP TABLE bench_plan AS
SELECT gen_random_uuid() AS id, g AS n, (SELECT partnership_id FROM bench_org LIMIT 1) AS partnership_id
FROM generate_series(1, 8) g;

INSERT INTO operations_patrol_plan (id, partnership_id, name, weekdays, starts_at, ends_at, valid_from, valid_until,
                                    skip_holidays, created_at)
SELECT id, partnership_id, 'Bench ' || n, '1,2,3,4,5,6,7', make_time(14 + n, 0, 0), make_time((20 + n) % 24, 0, 0),
       make_date(:year, 1, 1), make_date(:year, 12, 31), FALSE, now()
FROM bench_plan;
INSERT INTO operations_patrol_plan_area (plan_id, area_id, position)
SELECT p.id, a.id, row_number() OVER (PARTITION BY p.id ORDER BY a.name)
FROM bench_plan p JOIN operations_patrol_area a ON a.partnership_id = p.partnership_id;
INSERT INTO operations_patrol_staffing (plan_id, organisation_id, required)
SELECT p.id, o.id, 2 FROM bench_plan p, bench_org o;

CREATE TEMP TABLE bench_patrol AS
SELECT gen_random_uuid() AS id, p.id AS plan_id, p.partnership_id, g,
       make_date(:year, 1, 1) + (g * 365 / :patrols) AS day, 14 + p.n AS hour
FROM generate_series(0, :patrols - 1) g JOIN bench_plan p ON p.n = 1 + g % 8;

INSERT INTO operations_patrol (id, partnership_id, plan_id, day, starts_at, ends_at, cancelled)
SELECT id, partnership_id, plan_id, day,
       (day + make_time(hour, 0, 0)) AT TIME ZONE 'Europe/Berlin',
       (day + make_time(hour, 0, 0) + interval '6 hours') AT TIME ZONE 'Europe/Berlin',
       random() < 0.03
FROM bench_patrol;

-- Up to two people per organisation and patrol, each slot filled with probability 0.8.
INSERT INTO operations_patrol_duty (patrol_id, person_id, organisation_id, assigned_by, assigned_at)
SELECT DISTINCT ON (b.id, person.id) b.id, person.id, o.id, 'bench', now()
FROM bench_patrol b CROSS JOIN bench_org o CROSS JOIN generate_series(1, 2) slot
CROSS JOIN LATERAL (SELECT id FROM partners_person WHERE organisation_id = o.id
                    ORDER BY md5(b.id::text || slot) LIMIT 1) person
WHERE random() < 0.8;
COMMIT;

VACUUM ANALYZE operations_patrol;
VACUUM ANALYZE operations_patrol_duty;
