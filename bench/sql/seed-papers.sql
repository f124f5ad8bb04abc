-- Data generator for bench/oparl-papers.sh: decisions (OParl papers) of Musterstadt's Lenkungsgruppe and
-- Koordinierungskreis over the years 2000-2019 (before any demo decision, so numbers do not collide), one agenda
-- item each; every tenth item is confidential, so its decision is no paper. With -v papers=100000 there are
-- 111,112 decisions of which 100,000 are public. Meetings: 24 per body and year, decisions spread over them.
--   psql -v papers=100000 -f bench/sql/seed-papers.sql
\set ON_ERROR_STOP 1
\if :{?papers}
\else
\set papers 100000
\endif

SELECT setseed(0.1122);

BEGIN;
-- The touch and renumbering triggers (V32, V44) would renumber each meeting's items once per item inserted and touch
-- the meeting for every one of those updates: quadratic, more than 15 minutes for 111,112 items. The seed sets
-- positions and timestamps itself, so they are off while it writes.
ALTER TABLE meetings_agenda_item DISABLE TRIGGER meetings_agenda_item_renumbers,
    DISABLE TRIGGER meetings_agenda_item_touches_meeting;
ALTER TABLE meetings_decision DISABLE TRIGGER meetings_decision_touches_meeting,
    DISABLE TRIGGER meetings_decision_touches_agenda_item;
CREATE TEMP TABLE seed_body ON COMMIT DROP AS
SELECT b.id, b.partnership_id, b.short_name, row_number() OVER (ORDER BY b.short_name) - 1 AS k
FROM partners_body b JOIN partners_partnership p ON p.id = b.partnership_id
WHERE p.slug = 'musterstadt' AND b.short_name IN ('LG', 'KK');

CREATE TEMP TABLE seed_meeting ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, b.id AS body_id, b.partnership_id, b.short_name, y AS year, m AS n,
       make_timestamptz(y, 1, 1, 10, 0, 0, 'Europe/Berlin') + interval '15 days' * m AS starts_at
FROM seed_body b, generate_series(2000, 2019) y, generate_series(0, 23) m;

INSERT INTO meetings_meeting (id, partnership_id, body_id, title, starts_at, ends_at, location, status, sequence,
                              created_at, updated_at)
SELECT id, partnership_id, body_id, 'Sitzung ' || short_name || ' ' || year || '/' || (n + 1), starts_at,
       starts_at + interval '2 hours', 'Rathaus', 'MINUTES_APPROVED', 1, starts_at - interval '30 days',
       starts_at + interval '20 days'
FROM seed_meeting;

-- Decision i goes to body i % 2, year 2000 + (i / 2) % 20, meeting (i / 40) % 24 of that body and year.
CREATE TEMP TABLE seed_decision ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, gen_random_uuid() AS item_id, i,
       (SELECT s.id FROM seed_meeting s JOIN seed_body b ON b.id = s.body_id
         WHERE b.k = i % 2 AND s.year = 2000 + (i / 2) % 20 AND s.n = (i / 40) % 24) AS meeting_id
FROM generate_series(0, (:papers * 10) / 9 + 1) i;

INSERT INTO meetings_agenda_item (id, meeting_id, position, title, confidential, created_at, updated_at)
SELECT d.item_id, d.meeting_id, row_number() OVER (PARTITION BY d.meeting_id ORDER BY d.i), 'Tagesordnungspunkt ' || d.i,
       d.i % 10 = 9, s.starts_at - interval '20 days', s.starts_at + interval '20 days'
FROM seed_decision d JOIN seed_meeting s ON s.id = d.meeting_id;

INSERT INTO meetings_decision (id, partnership_id, body_id, meeting_id, agenda_item_id, year, number, reference,
                               wording, vote, decided_at)
SELECT d.id, s.partnership_id, s.body_id, s.id, d.item_id, s.year,
       row_number() OVER (PARTITION BY s.body_id, s.year ORDER BY d.i),
       s.short_name || '-' || s.year || '-' || lpad((row_number() OVER (PARTITION BY s.body_id, s.year ORDER BY d.i))::text, 4, '0'),
       'Beschluss ' || d.i || ': Die Partner setzen die Maßnahme ' || md5(d.i::text) || ' bis zum Jahresende um.',
       CASE WHEN random() < 0.7 THEN 'einstimmig' END,
       s.starts_at + interval '1 hour' + interval '1 second' * (d.i % 3600)
FROM seed_decision d JOIN seed_meeting s ON s.id = d.meeting_id;
ALTER TABLE meetings_agenda_item ENABLE TRIGGER meetings_agenda_item_renumbers,
    ENABLE TRIGGER meetings_agenda_item_touches_meeting;
ALTER TABLE meetings_decision ENABLE TRIGGER meetings_decision_touches_meeting,
    ENABLE TRIGGER meetings_decision_touches_agenda_item;
COMMIT;

VACUUM ANALYZE meetings_meeting;
VACUUM ANALYZE meetings_agenda_item;
VACUUM ANALYZE meetings_decision;
