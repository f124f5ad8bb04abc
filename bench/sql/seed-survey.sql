-- An open survey wave of Musterstadt for bench/survey-submit.sh: one page of nine questions, like the standard
-- items (sense of security at night as a scale, places avoided and problems seen as multiple choices, the district,
-- years in town as a number, a free text, age band and gender). Prints the wave id.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_ids AS
SELECT gen_random_uuid() AS questionnaire, gen_random_uuid() AS section, gen_random_uuid() AS wave,
       (SELECT id FROM partners_partnership WHERE slug = 'musterstadt') AS partnership;
INSERT INTO surveys_questionnaire (id, partnership_id, title, introduction, created_at, changed_at)
SELECT questionnaire, partnership, 'Benchmark ' || wave, '', now(), now() FROM bench_ids;
INSERT INTO surveys_section (id, questionnaire_id, position, title)
SELECT section, questionnaire, 0, 'Sicherheit' FROM bench_ids;
INSERT INTO surveys_question (id, questionnaire_id, section_id, position, kind, text, required, min_value, max_value)
SELECT gen_random_uuid(), questionnaire, section, q.position, q.kind, q.text, q.required, q.min_value, q.max_value
FROM bench_ids, (VALUES (0, 'LIKERT', 'Wie sicher fühlen Sie sich nachts?', TRUE, 1, 4),
                        (1, 'MULTIPLE_CHOICE', 'Welche Orte meiden Sie?', FALSE, NULL, NULL),
                        (2, 'MULTIPLE_CHOICE', 'Was stört Sie?', FALSE, NULL, NULL),
                        (3, 'LIKERT', 'Vertrauen Sie der Polizei?', FALSE, 1, 5),
                        (4, 'DISTRICT', 'Ihr Stadtbezirk', TRUE, NULL, NULL),
                        (5, 'NUMBER', 'Seit wie vielen Jahren wohnen Sie hier?', FALSE, 0, 100),
                        (6, 'FREE_TEXT', 'Was sollte sich ändern?', FALSE, NULL, NULL),
                        (7, 'AGE_BAND', 'Ihr Alter', FALSE, NULL, NULL),
                        (8, 'GENDER', 'Ihr Geschlecht', FALSE, NULL, NULL))
     AS q(position, kind, text, required, min_value, max_value);
INSERT INTO surveys_option (question_id, position, code, label)
SELECT q.id, o.position, o.code, o.code
FROM bench_ids b JOIN surveys_question q ON q.questionnaire_id = b.questionnaire
JOIN (VALUES (0, 0, '1'), (0, 1, '2'), (0, 2, '3'), (0, 3, '4'),
             (1, 0, 'PARK'), (1, 1, 'STATION'), (1, 2, 'UNDERPASS'),
             (2, 0, 'LITTER'), (2, 1, 'GRAFFITI'), (2, 2, 'GROUPS'), (2, 3, 'DRUGS'), (2, 4, 'LIGHTING'),
             (3, 0, '1'), (3, 1, '5'),
             (7, 0, '18-29'), (7, 1, '30-49'), (7, 2, '50-64'), (7, 3, '65+'),
             (8, 0, 'F'), (8, 1, 'M'), (8, 2, 'D')) AS o(question, position, code) ON o.question = q.position;
INSERT INTO surveys_wave (id, partnership_id, questionnaire_id, title, opens_on, closes_on, mode, created_at)
SELECT wave, partnership, questionnaire, 'Benchmark ' || wave, current_date - 1, current_date + 30, 'OPEN', now()
FROM bench_ids;
COMMIT;
SELECT wave FROM bench_ids;
