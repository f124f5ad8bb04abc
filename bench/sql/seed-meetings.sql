-- Data generator for bench/calendar-feed.sh: five years of meetings (four back, one ahead) for the demo
-- partnership Musterstadt, and as much again in a second partnership, so that the feed's queries have to be
-- selective. Run with psql against a SiPa database that has the demo data:
--   psql -v years=5 -f bench/sql/seed-meetings.sql
-- Reproducible up to the UUIDs (setseed).
--
-- Musterstadt: its four bodies plus four working groups "AG Bench 1-4"; the police (organisation of the demo
-- account 'polizei') sit in the LG, the KK, the AGPG (demo memberships) and in AG Bench 1 and 2 (a police person
-- is added as a member), not in the KPR and AG Bench 3 and 4. Meeting rhythm per body:
--   AG Bench 1 and 3 weekly, KK and AG Bench 2 and 4 every 2 weeks, LG and AGPG every 4 weeks, KPR every 6 weeks
-- Each meeting: 6-10 agenda items; past meetings are MINUTES_APPROVED (85 %), HELD (5 %) or CANCELLED (10 %),
-- future ones PLANNED or INVITED (the next 4 weeks). Held meetings get 0-4 action items, owned by an organisation
-- of the partnership (the police 20 %), due 2-12 weeks later; still OPEN/IN_PROGRESS with probability
-- 100 % if not yet due, else 8 % (forgotten ones), the rest DONE or DROPPED.
-- Second partnership "Benchstadt": 12 bodies meeting weekly over the same years, same agenda and action items.
--
-- Also sets known feed tokens: md5('sipa-bench-' || username)::uuid for 'polizei' and 'koordination'.
\set ON_ERROR_STOP 1
\if :{?years}
\else
\set years 5
\endif

SELECT setseed(0.0815);

BEGIN;
-- The second partnership with one organisation, 12 bodies (no accounts: only volume).
INSERT INTO partners_partnership (id, slug, name) VALUES (gen_random_uuid(), 'benchstadt', 'Benchstadt');
INSERT INTO partners_organisation (id, partnership_id, name, kind)
SELECT gen_random_uuid(), p.id, 'Stadt Benchstadt ' || g, 'CITY'
FROM partners_partnership p, generate_series(1, 5) g WHERE p.slug = 'benchstadt';
INSERT INTO partners_body (id, partnership_id, name, short_name, kind)
SELECT gen_random_uuid(), p.id, 'Benchstadt Gremium ' || g, 'BG' || g, 'WORKING_GROUP'
FROM partners_partnership p, generate_series(1, 12) g WHERE p.slug = 'benchstadt';

-- Four more working groups in Musterstadt; the police sit in the first two.
INSERT INTO partners_body (id, partnership_id, name, short_name, kind)
SELECT gen_random_uuid(), p.id, 'AG Bench ' || g, 'AGB' || g, 'WORKING_GROUP'
FROM partners_partnership p, generate_series(1, 4) g WHERE p.slug = 'musterstadt';
INSERT INTO partners_membership (id, partnership_id, body_id, person_id, role, starts_on)
SELECT gen_random_uuid(), b.partnership_id, b.id,
       (SELECT pe.id FROM partners_person pe JOIN identity_account a ON a.organisation_id = pe.organisation_id
        WHERE a.username = 'polizei' ORDER BY pe.last_name LIMIT 1),
       'STANDING_MEMBER', current_date - 365 * :years
FROM partners_body b WHERE b.short_name IN ('AGB1', 'AGB2');

CREATE TEMP TABLE seed_body ON COMMIT DROP AS
SELECT b.id, b.partnership_id, b.name,
       CASE b.short_name WHEN 'AGB1' THEN 7 WHEN 'AGB3' THEN 7 WHEN 'KK' THEN 14 WHEN 'AGB2' THEN 14
            WHEN 'AGB4' THEN 14 WHEN 'LG' THEN 28 WHEN 'AGPG' THEN 28 WHEN 'KPR' THEN 42 ELSE 7 END AS every_days
FROM partners_body b JOIN partners_partnership p ON p.id = b.partnership_id
WHERE p.slug IN ('musterstadt', 'benchstadt');

CREATE TEMP TABLE seed_meeting ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, b.partnership_id, b.id AS body_id, b.name AS body_name, n,
       date_trunc('day', now() - interval '1 year' * (:years - 1)) + interval '1 day' * (n * b.every_days)
           + interval '1 hour' * (9 + floor(random() * 8)) AS starts_at,
       random() AS r_status, random() AS r_items
FROM seed_body b, generate_series(0, (365 * :years) / 7) n
WHERE n * b.every_days <= 365 * :years;

INSERT INTO meetings_meeting (id, partnership_id, body_id, title, starts_at, ends_at, location, status, sequence,
       cancel_reason, created_at, updated_at)
SELECT id, partnership_id, body_id, left(body_name, 150) || ' – Sitzung ' || (n + 1), starts_at,
       starts_at + interval '90 minutes', 'Rathaus, Sitzungssaal ' || (1 + n % 4),
       CASE WHEN starts_at > now() THEN CASE WHEN starts_at < now() + interval '28 days' THEN 'INVITED' ELSE 'PLANNED' END
            WHEN r_status < 0.10 THEN 'CANCELLED' WHEN r_status < 0.15 THEN 'HELD' ELSE 'MINUTES_APPROVED' END,
       CASE WHEN r_status < 0.10 THEN 1 ELSE 0 END,
       CASE WHEN r_status < 0.10 AND starts_at <= now() THEN 'Terminkonflikt' END,
       starts_at - interval '30 days', starts_at
FROM seed_meeting;

INSERT INTO meetings_agenda_item (id, meeting_id, position, title, description)
SELECT gen_random_uuid(), m.id, g,
       (ARRAY['Begrüßung und Feststellung der Beschlussfähigkeit', 'Protokoll der letzten Sitzung',
              'Lagebild Kriminalität und Ordnungsstörungen', 'Bericht aus den Arbeitsgruppen', 'Maßnahmen Bahnhofsumfeld',
              'Beleuchtungskonzept', 'Haushalt und Förderanträge', 'Öffentlichkeitsarbeit', 'Termine',
              'Verschiedenes'])[g],
       'Vorlage ' || g || ' zur Sitzung ' || (m.n + 1)
FROM seed_meeting m, generate_series(1, 10) g
WHERE g <= 6 + floor(m.r_items * 5);

CREATE TEMP TABLE seed_action ON COMMIT DROP AS
SELECT m.id AS meeting_id, m.partnership_id, m.starts_at, g,
       (m.starts_at + interval '1 week' * (2 + floor(random() * 11)))::date AS due_on,
       random() AS r_owner, random() AS r_open, random() AS r_status
FROM seed_meeting m JOIN meetings_meeting mm ON mm.id = m.id, generate_series(1, 4) g
WHERE mm.status IN ('HELD', 'MINUTES_APPROVED') AND g <= floor(m.r_items * 5);

INSERT INTO meetings_action_item (id, partnership_id, meeting_id, title, owner_id, due_on, status, created_at)
SELECT gen_random_uuid(), a.partnership_id, a.meeting_id, 'Maßnahme ' || a.g || ' umsetzen und berichten',
       CASE WHEN p.slug = 'musterstadt' AND a.r_owner < 0.2 THEN police.id
            ELSE orgs.ids[1 + floor(a.r_owner * array_length(orgs.ids, 1))::int] END,
       a.due_on,
       CASE WHEN a.due_on >= current_date OR a.r_open < 0.08 THEN CASE WHEN a.r_status < 0.5 THEN 'OPEN' ELSE 'IN_PROGRESS' END
            WHEN a.r_status < 0.9 THEN 'DONE' ELSE 'DROPPED' END,
       a.starts_at
FROM seed_action a
JOIN partners_partnership p ON p.id = a.partnership_id
JOIN LATERAL (SELECT array_agg(o.id ORDER BY o.name) AS ids FROM partners_organisation o
              WHERE o.partnership_id = a.partnership_id) orgs ON true
CROSS JOIN (SELECT organisation_id AS id FROM identity_account WHERE username = 'polizei') police;

INSERT INTO meetings_calendar_feed (account_id, token, created_at)
SELECT id, md5('sipa-bench-' || username)::uuid, now() FROM identity_account
WHERE username IN ('polizei', 'koordination')
ON CONFLICT (account_id) DO UPDATE SET token = excluded.token;
COMMIT;

VACUUM ANALYZE meetings_meeting;
VACUUM ANALYZE meetings_agenda_item;
VACUUM ANALYZE meetings_action_item;
VACUUM ANALYZE partners_membership;
