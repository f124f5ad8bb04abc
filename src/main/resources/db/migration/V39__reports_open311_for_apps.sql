-- Open311 that real apps can use.
-- The link to a photo the app keeps itself (GeoReport v2 media_url; SiPa never fetches it) and the app's address id.
ALTER TABLE reports_report ADD COLUMN media_url VARCHAR(2000);
ALTER TABLE reports_report ADD COLUMN address_id VARCHAR(100);

-- A description is optional (as in GeoReport v2) unless the category asks for one.
ALTER TABLE reports_category ADD COLUMN description_required BOOLEAN NOT NULL DEFAULT FALSE;

-- Every accepted report has its public number at once; moderation decides what the public sees, not whether the
-- report has a number. Reports waiting for moderation get theirs now (same form as ReportRepository.nextPublicId).
UPDATE reports_report r SET public_id = numbered.public_id
FROM (SELECT id, to_char(submitted_at AT TIME ZONE 'Europe/Berlin', 'YYYY') || '-'
             || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END AS public_id
      FROM (SELECT id, submitted_at, nextval('reports_public_number') AS n
            FROM reports_report WHERE public_id IS NULL ORDER BY submitted_at, id) pending) numbered
WHERE r.id = numbered.id;
