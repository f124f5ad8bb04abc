-- Adds :people fictional people to the Musterstadt demo partnership, for the directory search benchmark.
-- Reproducible (setseed): German first and last names (common ones more often - Müller about 4 % - and a long
-- tail of rare ones; exactly one person in 1,000 is called "Przybylski"), functions of the partner organisations,
-- spread over all Musterstadt organisations; about 25 % are contacts for one or two districts and about 4 % sit
-- in a body.
-- Run with: psql -v people=10000 -f seed-directory-people.sql (against the benchmark's own database only).
\set ON_ERROR_STOP on
SELECT setseed(0.42);

BEGIN;

CREATE TEMP TABLE bench_names AS
SELECT ARRAY['Anna', 'Julia', 'Katrin', 'Sabine', 'Petra', 'Claudia', 'Melanie', 'Sandra', 'Nicole', 'Andrea',
             'Birgit', 'Stefanie', 'Susanne', 'Heike', 'Monika', 'Laura', 'Lea', 'Sarah', 'Lisa', 'Miriam',
             'Katharina', 'Christina', 'Tanja', 'Silke', 'Jana', 'Nadine', 'Ulrike', 'Renate', 'Ingrid', 'Elif',
             'Aylin', 'Fatma', 'Olga', 'Natalia', 'Marie', 'Sophie', 'Hannah', 'Johanna', 'Carina', 'Jessica']
           AS female,
       ARRAY['Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Frank', 'Jürgen', 'Uwe', 'Matthias',
             'Daniel', 'Tobias', 'Florian', 'Sebastian', 'Jan', 'Jonas', 'Lukas', 'Alexander', 'Martin', 'Peter',
             'Klaus', 'Wolfgang', 'Dirk', 'Holger', 'Ralf', 'Oliver', 'Patrick', 'Kevin', 'Dennis', 'Sven',
             'Mehmet', 'Ahmet', 'Murat', 'Dimitri', 'Piotr', 'Felix', 'Paul', 'Maximilian', 'Niklas', 'Georg']
           AS male,
       -- roughly by frequency in Germany: picked with a skew towards the start of the list
       ARRAY['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
             'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
             'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
             'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
             'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert',
             'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
             'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
             'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
             'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl',
             'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer',
             'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Nowak', 'Kowalski', 'Wójcik', 'Popescu', 'Ivanov',
             'Hasenfratz', 'Eberle', 'Dürr', 'Häberle', 'Kächele', 'Bühler', 'Rapp', 'Mohr', 'Gaiser', 'Wörner']
           AS last,
       ARRAY['Sachbearbeiter Kriminalprävention', 'Sachbearbeiterin Jugendschutz', 'Bezirksdienst',
             'Präventionsberater Einbruchschutz', 'Präventionsbeauftragte', 'Streetworker', 'Streetworkerin',
             'Schulsozialarbeiter', 'Schulsozialarbeiterin', 'Sachgebietsleiter Veranstaltungen',
             'Sachgebietsleiterin Gewerbe und Gaststätten', 'Abteilungsleiter', 'Abteilungsleiterin', 'Referent',
             'Referentin', 'Dienstgruppenleiter', 'Dienstgruppenleiterin', 'Jugendsachbearbeiter',
             'Opferschutzbeauftragte', 'Sicherheitskoordinator', 'Projektkoordinatorin Präventionsprojekte',
             'Ehrenamtliche Beraterin', 'Beratungslehrer', 'Beratungslehrerin', 'Wohnungsnotfallhilfe',
             'Städtebauliche Kriminalprävention', 'Verkehrsüberwachung', 'Einsatzplanung',
             'Leiter Sicherheit und Service', 'Vorsitzende', NULL, NULL]
           AS functions;

-- One row per new person with the random choices made once.
CREATE TEMP TABLE bench_people AS
SELECT g,
       gen_random_uuid() AS id,
       random() < 0.5    AS female,
       random() AS r_first, random() AS r_last, random() AS r_function, random() AS r_org, random() AS r_phone,
       random() AS r_district, random() AS r_body
FROM generate_series(1, :people) AS g;

CREATE TEMP TABLE bench_person AS
SELECT p.g, p.id, p.r_district, p.r_body, o.partnership_id,
       o.orgs[1 + floor(p.r_org * cardinality(o.orgs))::int]                                      AS organisation_id,
       CASE WHEN p.female THEN 'Frau' ELSE 'Herr' END                                              AS salutation,
       CASE WHEN p.female THEN n.female[1 + floor(p.r_first * cardinality(n.female))::int]
            ELSE n.male[1 + floor(p.r_first * cardinality(n.male))::int] END                       AS first_name,
       CASE WHEN p.g % 1000 = 0 THEN 'Przybylski'
            ELSE n.last[1 + floor(power(p.r_last, 1.5) * cardinality(n.last))::int] END              AS last_name,
       n.functions[1 + floor(p.r_function * cardinality(n.functions))::int]                        AS function,
       '01234 ' || (200000 + floor(p.r_phone * 700000)::int)                                       AS phone
FROM bench_people p, bench_names n,
     (SELECT partnership_id, array_agg(id ORDER BY name) AS orgs FROM partners_organisation
       WHERE partnership_id = (SELECT id FROM partners_partnership WHERE slug = 'musterstadt')
       GROUP BY partnership_id) o;

INSERT INTO partners_person (id, partnership_id, organisation_id, salutation, first_name, last_name, function,
                             phone, mobile, email)
SELECT id, partnership_id, organisation_id, salutation, first_name, last_name, function, phone,
       CASE WHEN g % 3 = 0 THEN '0170 ' || (1000000 + g) END,
       translate(lower(first_name || '.' || last_name), 'äöüßışçó ', 'aousiscoo') || g || '@musterstadt.example'
FROM bench_person;

-- About 20 % contact for one district, 5 % for two.
INSERT INTO partners_person_district (person_id, district_id)
SELECT p.id, d.id
FROM bench_person p
JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY random()) AS n FROM partners_district d
               WHERE d.partnership_id = p.partnership_id) d
  ON d.n <= CASE WHEN p.r_district < 0.05 THEN 2 WHEN p.r_district < 0.25 THEN 1 ELSE 0 END;

-- About 4 % members of a body, one in ten of those with a membership that has ended.
INSERT INTO partners_membership (id, partnership_id, body_id, person_id, role, starts_on, ends_on)
SELECT gen_random_uuid(), p.partnership_id, b.id, p.id,
       CASE WHEN random() < 0.1 THEN 'GUEST' ELSE 'STANDING_MEMBER' END,
       DATE '2023-01-01' + (random() * 700)::int,
       CASE WHEN p.r_body < 0.004 THEN DATE '2025-06-30' END
FROM bench_person p
JOIN LATERAL (SELECT id FROM partners_body b WHERE b.partnership_id = p.partnership_id
               ORDER BY random() LIMIT 1) b ON p.r_body < 0.04;

COMMIT;

ANALYZE partners_person;
ANALYZE partners_person_district;
ANALYZE partners_membership;

SELECT (SELECT count(*) FROM partners_person)          AS people,
       (SELECT count(*) FROM partners_person_district) AS district_links,
       (SELECT count(*) FROM partners_membership)      AS memberships;
