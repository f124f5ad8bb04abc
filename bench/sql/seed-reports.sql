-- Data generator for bench/reports.sh: adds :reports reports (default 1,000,000) to the demo partnership
-- Musterstadt, spread over the last two years, with their events. Run with psql against a SiPa database that has
-- the demo data: psql -v reports=1000000 -f bench/sql/seed-reports.sql. Reproducible up to the UUIDs (setseed).
--
-- Distribution (roughly what a city's reports look like):
--   time        the last 730 days, more in recent months (age = 730 days * random^1.25)
--   category    muell 25 %, laerm 20 %, alkohol 12 %, beleuchtung 10 %, drogen 8 %, graffiti 8 %,
--               haltestelle 7 %, betteln 5 %, sonstiges 5 %
--   district    all Musterstadt districts, the first ones (by position) up to 4 times as often as the last
--   status      by age: a report is still open with probability 3 % + 90 % * exp(-age/10 days); open ones are
--               NEW or IN_PROGRESS, closed ones DONE 82 %, FORWARDED 12 %, REJECTED 6 %; open graffiti
--               (moderated) younger than 2 days waits in MODERATION (no public id, no organisation)
--   assignee    an organisation of Musterstadt (skewed: a few do most of the work); none for 'sonstiges' and for
--               3 % of the others (the coordinator's queue)
--   source      CITIZEN 45 %, OPEN311 40 %, PATROL 10 %, PARTNER 5 %
--   location    coordinates in Musterstadt for 90 %, an address only for the rest (some have both)
--   contact     an e-mail address for 15 % of the reports of the last 90 days (older ones: deleted by the
--               retention job 90 days after closing)
--   escalated   open reports past their deadline were escalated (as the job every 15 minutes would have)
--   text        internal reports (patrol, partner) hidden; citizens' texts of the last 3 days wait for moderation,
--               older ones were approved (90 %) or hidden
--   events      RECEIVED and ROUTED for every report (except MODERATION: RECEIVED only), STATUS_CHANGED for the
--               closed ones, for the fraction :events (default 1) of the reports
\set ON_ERROR_STOP 1
\if :{?reports}
\else
\set reports 1000000
\endif
\if :{?events}
\else
\set events 1
\endif

SELECT setseed(0.4711);

-- The day figures (V122) are counted once at the end instead of a million times at commit.
ALTER TABLE reports_report DISABLE TRIGGER reports_report_figures;
BEGIN;
CREATE TEMP TABLE seed_pick ON COMMIT DROP AS
WITH p AS (SELECT id FROM partners_partnership WHERE slug = 'musterstadt'),
cats AS (  -- each category id repeated by its weight (sum 100)
    SELECT array_agg(c.id ORDER BY c.code, w) AS ids
    FROM reports_category c, p,
         generate_series(1, CASE c.code WHEN 'muell' THEN 25 WHEN 'laerm' THEN 20 WHEN 'alkohol' THEN 12
                WHEN 'beleuchtung' THEN 10 WHEN 'drogen' THEN 8 WHEN 'graffiti' THEN 8 WHEN 'haltestelle' THEN 7
                WHEN 'betteln' THEN 5 WHEN 'sonstiges' THEN 5 ELSE 1 END) w
    WHERE c.partnership_id = p.id),
districts AS (
    SELECT array_agg(d.id ORDER BY d.position, w) AS ids
    FROM partners_district d, p,
         generate_series(1, 1 + greatest(0, 3 - d.position / 3)) w
    WHERE d.partnership_id = p.id),
orgs AS (
    SELECT array_agg(o.id ORDER BY o.name) AS ids FROM partners_organisation o, p WHERE o.partnership_id = p.id)
SELECT g AS n, p.id AS partnership_id,
       cats.ids[1 + floor(random() * array_length(cats.ids, 1))::int] AS category_id,
       districts.ids[1 + floor(random() * array_length(districts.ids, 1))::int] AS district_id,
       orgs.ids[1 + floor(power(random(), 2.5) * array_length(orgs.ids, 1))::int] AS organisation_id,
       now() - interval '730 days' * power(random(), 1.25) - interval '1 minute' AS submitted_at,
       random() AS r_open, random() AS r_status, random() AS r_unassigned, random() AS r_source,
       random() AS r_location, random() AS r_contact, random() AS r_text, random() AS r_close,
       48.745 + random() * 0.05 AS latitude, 9.145 + random() * 0.10 AS longitude,
       1 + floor(random() * 180)::int AS house
FROM generate_series(1, :reports) g, p, cats, districts, orgs;

CREATE TEMP TABLE seed_report ON COMMIT DROP AS
SELECT s.*, c.code, c.service_level_days,
       CASE WHEN c.code = 'graffiti' AND s.submitted_at > now() - interval '2 days' AND s.r_open < 0.5
                THEN 'MODERATION'
            WHEN s.r_open < 0.03 + 0.9 * exp(-extract(epoch FROM now() - s.submitted_at) / 864000.0)
                THEN CASE WHEN s.r_status < 0.5 THEN 'NEW' ELSE 'IN_PROGRESS' END
            WHEN s.r_status < 0.82 THEN 'DONE' WHEN s.r_status < 0.94 THEN 'FORWARDED' ELSE 'REJECTED' END AS status,
       row_number() OVER (ORDER BY s.submitted_at) AS number
FROM seed_pick s JOIN reports_category c ON c.id = s.category_id;

INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description, latitude, longitude,
       address, district_id, district_uncertain, source, status, assignee_id, deadline, escalated_at, attributes, reporter_name,
       reporter_email, reporter_phone, public_note, submitted_at, updated_at, closed_at, submitted_by, text_moderation,
       routed_to_organisation, rerouted, first_response_at)
SELECT gen_random_uuid(), s.partnership_id,
       CASE WHEN s.status = 'MODERATION' THEN NULL
            ELSE to_char(s.submitted_at, 'YYYY') || '-' || lpad((last.value + s.number)::text, greatest(6, length((last.value + s.number)::text)), '0') END,
       gen_random_uuid(), s.category_id,
       (CASE s.code
            WHEN 'muell' THEN (ARRAY['Müll und Scherben rund um die Bänke', 'Sperrmüll abgeladen',
                'Überquellende Abfalleimer, Dreck überall', 'Glasscherben auf dem Spielplatz'])[1 + floor(s.r_text * 4)::int]
            WHEN 'laerm' THEN (ARRAY['Laute Musik bis in die Nacht', 'Gegröle und Feiern am Pavillon',
                'Partylärm jedes Wochenende', 'Lautes Geschrei nach Mitternacht'])[1 + floor(s.r_text * 4)::int]
            WHEN 'alkohol' THEN 'Trinkergruppe am Brunnen, Flaschen bleiben liegen'
            WHEN 'beleuchtung' THEN 'Laternen defekt, der Weg ist komplett dunkel'
            WHEN 'drogen' THEN 'Spritzen im Gebüsch, Dealer an der Unterführung'
            WHEN 'graffiti' THEN 'Neue Schmierereien an der Mauer'
            WHEN 'haltestelle' THEN 'An der Haltestelle fühle ich mich abends nicht sicher'
            WHEN 'betteln' THEN 'Passanten werden bedrängt und verfolgt'
            ELSE 'Autorennen nachts am Sportplatz' END) || ' (Nr. ' || s.n || ')',
       CASE WHEN s.r_location < 0.9 THEN s.latitude END, CASE WHEN s.r_location < 0.9 THEN s.longitude END,
       CASE WHEN s.r_location >= 0.7 THEN 'Musterstraße ' || s.house END,
       CASE WHEN s.r_location < 0.9 THEN s.district_id END, s.r_location < 0.02,
       CASE WHEN s.r_source < 0.45 THEN 'CITIZEN' WHEN s.r_source < 0.85 THEN 'OPEN311'
            WHEN s.r_source < 0.95 THEN 'PATROL' ELSE 'PARTNER' END,
       s.status,
       CASE WHEN s.status = 'MODERATION' OR s.code = 'sonstiges' OR s.r_unassigned < 0.03 THEN NULL
            ELSE s.organisation_id END,
       CASE WHEN s.status <> 'MODERATION' THEN s.submitted_at + s.service_level_days * interval '1 day' END,
       -- open and overdue: the escalation job (every 15 minutes) has escalated it long ago
       CASE WHEN s.status IN ('NEW', 'IN_PROGRESS') AND s.submitted_at + s.service_level_days * interval '1 day' < now()
            THEN s.submitted_at + s.service_level_days * interval '1 day' + interval '10 minutes' END,
       CASE WHEN s.code = 'laerm' AND s.r_text < 0.3 THEN jsonb_build_object('uhrzeit', to_char(s.submitted_at, 'YYYY-MM-DD"T"HH24:MI'))
            ELSE '{}'::jsonb END,
       NULL,
       CASE WHEN s.submitted_at > now() - interval '90 days' AND s.r_contact < 0.15 THEN 'buerger' || s.n || '@buerger.musterstadt.example' END,
       NULL,
       CASE WHEN s.status IN ('DONE', 'FORWARDED', 'REJECTED') AND s.r_close < 0.3 THEN 'Erledigt, danke für den Hinweis.' END,
       s.submitted_at,
       CASE WHEN s.status IN ('DONE', 'FORWARDED', 'REJECTED')
            THEN least(now(), s.submitted_at + interval '1 hour' + s.r_close * 20 * interval '1 day')
            ELSE s.submitted_at END,
       CASE WHEN s.status IN ('DONE', 'FORWARDED', 'REJECTED')
            THEN least(now(), s.submitted_at + interval '1 hour' + s.r_close * 20 * interval '1 day') END,
       'bench',
       CASE WHEN s.r_source >= 0.85 THEN 'HIDDEN' WHEN s.submitted_at > now() - interval '3 days' THEN 'PENDING'
            WHEN s.r_text < 0.9 THEN 'APPROVED' ELSE 'HIDDEN' END,
       -- what V117's trigger notes from the history written below (the trigger is off while it is written)
       s.status <> 'MODERATION' AND NOT (s.code = 'sonstiges' OR s.r_unassigned < 0.03),
       s.status <> 'MODERATION' AND (s.code = 'sonstiges' OR s.r_unassigned < 0.03),
       CASE WHEN s.status IN ('DONE', 'FORWARDED', 'REJECTED')
            THEN least(now(), s.submitted_at + interval '1 hour' + s.r_close * 20 * interval '1 day') END
FROM seed_report s,
     (SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS value FROM reports_public_number) last;

SELECT setval('reports_public_number', (SELECT CASE WHEN is_called THEN last_value ELSE 0 END
                                        FROM reports_public_number) + :reports);
COMMIT;

-- Events: what Reports.submit and the status changes write. The report already carries what V117's trigger would
-- note from them, so the trigger is off meanwhile (a million single-row updates otherwise).
ALTER TABLE reports_event DISABLE TRIGGER reports_event_history;
INSERT INTO reports_event (report_id, occurred_at, actor, kind, organisation_id, note, public)
SELECT r.id, e.at, 'bench', e.kind, e.organisation, e.note, TRUE
FROM (SELECT * FROM reports_report WHERE submitted_by = 'bench' AND random() < :events) r
CROSS JOIN LATERAL (VALUES (r.submitted_at, 'RECEIVED', NULL::uuid, NULL::varchar, 1),
                           (r.submitted_at, 'ROUTED', r.assignee_id, NULL, 2),
                           (r.closed_at, 'STATUS_CHANGED', r.assignee_id, r.status, 3)) e(at, kind, organisation, note, step)
WHERE (e.step = 1 OR (e.step = 2 AND r.status <> 'MODERATION') OR (e.step = 3 AND r.closed_at IS NOT NULL));
ALTER TABLE reports_event ENABLE TRIGGER reports_event_history;

ALTER TABLE reports_report ENABLE TRIGGER reports_report_figures;
SELECT reports_figures_rebuild(zone) FROM reports_figures_zone;

VACUUM ANALYZE reports_report;
VACUUM ANALYZE reports_event;
VACUUM ANALYZE reports_day_figures;
VACUUM ANALYZE reports_closing_figures;
VACUUM ANALYZE reports_answer_figures;
