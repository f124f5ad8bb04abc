-- :places places of Musterstadt on a grid over the city (9.13–9.23 E, 48.74–48.81 N): squares of about 60 × 55 m,
-- every fourth a point with a 30 m radius; bounding boxes as the application stores them. Used by bench/places-map.sh.
WITH p AS (SELECT id FROM partners_partnership WHERE slug = 'musterstadt'),
     g AS (SELECT n, 9.131 + (n % 25) * 0.0039 AS lon, 48.741 + (n / 25) * 0.0034 AS lat
           FROM generate_series(0, :places - 1) AS n)
INSERT INTO places_place (id, partnership_id, name, district_id, deficit, description, owner_organisation_id,
    owner_name, status, origin, geometry, radius_metres, west, south, east, north, published, created_at, changed_at)
SELECT gen_random_uuid(), p.id, 'Bench-Ort ' || lpad(g.n::text, 4, '0'), NULL,
       (ARRAY['OBJECTIVE', 'SUBJECTIVE', 'BOTH'])[1 + g.n % 3], 'Ort für den Benchmark', NULL, 'Grünflächenamt',
       (ARRAY['OBSERVED', 'CONCEPT_IN_WORK', 'MEASURES_RUNNING', 'EVALUATED', 'CLOSED'])[1 + g.n % 5], 'IMPORT',
       CASE WHEN g.n % 4 = 0
            THEN format('{"type":"Point","coordinates":[%s,%s]}', round(g.lon::numeric, 6), round(g.lat::numeric, 6))
            ELSE format('{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}',
                round(g.lon::numeric, 6), round(g.lat::numeric, 6), round(g.lon::numeric + 0.0008, 6), round(g.lat::numeric, 6),
                round(g.lon::numeric + 0.0008, 6), round(g.lat::numeric + 0.0005, 6), round(g.lon::numeric, 6),
                round(g.lat::numeric + 0.0005, 6), round(g.lon::numeric, 6), round(g.lat::numeric, 6)) END,
       CASE WHEN g.n % 4 = 0 THEN 30 END,
       CASE WHEN g.n % 4 = 0 THEN g.lon - 0.0005 ELSE g.lon END,
       CASE WHEN g.n % 4 = 0 THEN g.lat - 0.0003 ELSE g.lat END,
       CASE WHEN g.n % 4 = 0 THEN g.lon + 0.0005 ELSE g.lon + 0.0008 END,
       CASE WHEN g.n % 4 = 0 THEN g.lat + 0.0003 ELSE g.lat + 0.0005 END,
       FALSE, now(), now()
FROM g, p;
VACUUM ANALYZE places_place;
