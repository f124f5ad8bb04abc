-- Prevention projects (Präventionsprojekte) planned and evaluated along the Beccaria standard: the project with its
-- partners, districts, places and funding; the texts of the seven Beccaria steps with the coordinator's quality note;
-- indicators with baseline, target and measured values, typed or linked to a live figure of another module.
CREATE TABLE prevention_project (
    id                      UUID PRIMARY KEY,
    partnership_id          UUID          NOT NULL REFERENCES partners_partnership (id),
    title                   VARCHAR(200)  NOT NULL,
    lead_organisation_id    UUID          REFERENCES partners_organisation (id),
    field                   VARCHAR(30)   NOT NULL,
    target_groups           VARCHAR(300)  NOT NULL DEFAULT '',
    summary                 TEXT          NOT NULL DEFAULT '',
    starts_on               DATE,
    ends_on                 DATE,
    status                  VARCHAR(20)   NOT NULL,
    contact_person          VARCHAR(200)  NOT NULL DEFAULT '',
    programme_name          VARCHAR(200)  NOT NULL DEFAULT '',
    programme_url           VARCHAR(500)  NOT NULL DEFAULT '',
    evidence_registry       VARCHAR(200)  NOT NULL DEFAULT '',
    evidence_level          VARCHAR(30)   NOT NULL DEFAULT 'NONE',
    created_at              TIMESTAMPTZ   NOT NULL,
    changed_at              TIMESTAMPTZ   NOT NULL,
    CONSTRAINT prevention_project_title UNIQUE (partnership_id, title),
    CONSTRAINT prevention_project_status
        CHECK (status IN ('IDEA', 'PLANNING', 'RUNNING', 'EVALUATED', 'FINISHED', 'STOPPED')),
    CONSTRAINT prevention_project_period CHECK (ends_on IS NULL OR starts_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX prevention_project_partnership ON prevention_project (partnership_id);

CREATE TABLE prevention_project_partner (
    project_id       UUID NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    organisation_id  UUID NOT NULL REFERENCES partners_organisation (id),
    PRIMARY KEY (project_id, organisation_id)
);

CREATE TABLE prevention_project_district (
    project_id   UUID NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    district_id  UUID NOT NULL REFERENCES partners_district (id),
    PRIMARY KEY (project_id, district_id)
);

CREATE TABLE prevention_project_place (
    project_id  UUID NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    place_id    UUID NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, place_id)
);

CREATE TABLE prevention_funding (
    project_id  UUID          NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    source      VARCHAR(200)  NOT NULL,
    amount      NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (project_id, position)
);

-- One row per filled field of a Beccaria step; the quality note is the field 'qualityNote'.
CREATE TABLE prevention_step_field (
    project_id  UUID         NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    step        VARCHAR(30)  NOT NULL,
    field       VARCHAR(40)  NOT NULL,
    text        TEXT         NOT NULL,
    PRIMARY KEY (project_id, step, field)
);

CREATE TABLE prevention_indicator (
    id                UUID PRIMARY KEY,
    project_id        UUID          NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    name              VARCHAR(200)  NOT NULL,
    unit              VARCHAR(50)   NOT NULL DEFAULT '',
    baseline          NUMERIC(14,2),
    target            NUMERIC(14,2),
    source            VARCHAR(20)   NOT NULL,
    category_id       UUID,
    district_id       UUID          REFERENCES partners_district (id),
    offence_group_id  UUID,
    position          INT           NOT NULL,
    CONSTRAINT prevention_indicator_source CHECK (source IN ('TYPED', 'REPORTS', 'CRIME_CASES'))
);
CREATE INDEX prevention_indicator_project ON prevention_indicator (project_id);

-- A measured value: typed (value) or, for a linked indicator, counted live over the period.
CREATE TABLE prevention_indicator_value (
    id            UUID PRIMARY KEY,
    indicator_id  UUID          NOT NULL REFERENCES prevention_indicator (id) ON DELETE CASCADE,
    period_from   DATE          NOT NULL,
    period_to     DATE          NOT NULL,
    value         NUMERIC(14,2),
    CONSTRAINT prevention_indicator_value_period CHECK (period_from <= period_to)
);
CREATE INDEX prevention_indicator_value_indicator ON prevention_indicator_value (indicator_id);
