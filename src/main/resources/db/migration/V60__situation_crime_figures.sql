-- The police's crime figures (PKS) per district, year and offence key, as imported from their CSV export. A new
-- import of a year replaces all of that year's rows of the partnership.
CREATE TABLE situation_crime_figure (
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    district_id     UUID          NOT NULL REFERENCES partners_district (id),
    year            INT           NOT NULL,
    offence_key     VARCHAR(6)    NOT NULL,
    offence_name    VARCHAR(200)  NOT NULL,
    cases           INT           NOT NULL,
    solved          INT           NOT NULL,
    suspects        INT           NOT NULL,
    imported_at     TIMESTAMPTZ   NOT NULL,
    imported_by     VARCHAR(100)  NOT NULL,
    PRIMARY KEY (partnership_id, district_id, year, offence_key),
    CONSTRAINT situation_crime_figure_counts CHECK (cases >= 0 AND solved >= 0 AND suspects >= 0 AND solved <= cases)
);
CREATE INDEX situation_crime_figure_year ON situation_crime_figure (partnership_id, year);

-- How many people live in a district in a year: the base of the Häufigkeitszahl (cases per 100,000 inhabitants).
CREATE TABLE situation_district_population (
    partnership_id  UUID  NOT NULL REFERENCES partners_partnership (id),
    district_id     UUID  NOT NULL REFERENCES partners_district (id),
    year            INT   NOT NULL,
    population      INT   NOT NULL,
    PRIMARY KEY (partnership_id, district_id, year),
    CONSTRAINT situation_district_population_positive CHECK (population > 0)
);

-- Offence groups as the PKS forms them, each the sum of the rows whose key starts with one of its prefixes. A
-- partnership without rows here uses the default set; the first change stores the set.
CREATE TABLE situation_offence_group (
    id              UUID          PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(120)  NOT NULL,
    key_prefixes    VARCHAR(300)  NOT NULL,
    position        INT           NOT NULL,
    CONSTRAINT situation_offence_group_name_unique UNIQUE (partnership_id, name)
);
