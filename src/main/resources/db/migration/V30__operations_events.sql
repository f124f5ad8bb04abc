-- Major and natural events, their versioned deployment plans, the operations log and the debrief.
CREATE TABLE operations_event (
    id                   UUID PRIMARY KEY,
    partnership_id       UUID          NOT NULL REFERENCES partners_partnership (id),
    type                 VARCHAR(30)   NOT NULL,
    kind                 VARCHAR(20)   NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    starts_at            TIMESTAMPTZ   NOT NULL,
    ends_at              TIMESTAMPTZ   NOT NULL,
    district_id          UUID          REFERENCES partners_district (id),
    area                 TEXT,
    expected_attendance  INT,
    risk_level           VARCHAR(20)   NOT NULL,
    risk_assessment      VARCHAR(4000),
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    CONSTRAINT operations_event_period CHECK (ends_at > starts_at)
);
CREATE INDEX operations_event_by_start ON operations_event (partnership_id, starts_at);

-- A deployment plan is a row of versions per event; an approved version is never changed again, an edit starts
-- the next version as a copy. Parts keep their id across versions (the key is version and id).
CREATE TABLE operations_plan_version (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    event_id        UUID          NOT NULL REFERENCES operations_event (id),
    number          INT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    submitted_at    TIMESTAMPTZ,
    approved_at     TIMESTAMPTZ,
    CONSTRAINT operations_plan_version_unique UNIQUE (event_id, number)
);

CREATE TABLE operations_plan_section (
    version_id       UUID          NOT NULL REFERENCES operations_plan_version (id),
    id               UUID          NOT NULL,
    position         INT           NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    lead_id          UUID          REFERENCES partners_person (id),
    PRIMARY KEY (version_id, id)
);

CREATE TABLE operations_plan_task (
    version_id       UUID          NOT NULL REFERENCES operations_plan_version (id),
    id               UUID          NOT NULL,
    position         INT           NOT NULL,
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    category         VARCHAR(30)   NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    section          VARCHAR(200),
    PRIMARY KEY (version_id, id)
);

CREATE TABLE operations_plan_contact (
    version_id       UUID          NOT NULL REFERENCES operations_plan_version (id),
    id               UUID          NOT NULL,
    position         INT           NOT NULL,
    organisation_id  UUID          REFERENCES partners_organisation (id),
    name             VARCHAR(200)  NOT NULL,
    function         VARCHAR(200),
    phone            VARCHAR(50),
    radio_channel    VARCHAR(50),
    PRIMARY KEY (version_id, id)
);

CREATE TABLE operations_plan_phase (
    version_id   UUID          NOT NULL REFERENCES operations_plan_version (id),
    id           UUID          NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    starts_at    TIMESTAMPTZ   NOT NULL,
    ends_at      TIMESTAMPTZ   NOT NULL,
    description  VARCHAR(2000),
    PRIMARY KEY (version_id, id),
    CONSTRAINT operations_plan_phase_period CHECK (ends_at > starts_at)
);

-- Lessons of the event the plan was copied from, to be checked off while planning.
CREATE TABLE operations_plan_checklist (
    version_id  UUID          NOT NULL REFERENCES operations_plan_version (id),
    id          UUID          NOT NULL,
    position    INT           NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    source      VARCHAR(200)  NOT NULL,
    done        BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (version_id, id)
);

CREATE TABLE operations_plan_approval (
    version_id       UUID          NOT NULL REFERENCES operations_plan_version (id),
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    approved_by      VARCHAR(100)  NOT NULL,
    approved_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (version_id, organisation_id)
);

-- The operations log: numbered per event in commit order (the counter row stays locked until the entry is
-- committed), so a viewer asking for "after number n" never misses an entry that commits late.
CREATE TABLE operations_log_counter (
    event_id  UUID   PRIMARY KEY REFERENCES operations_event (id),
    last      BIGINT NOT NULL
);

CREATE TABLE operations_log_entry (
    id               UUID PRIMARY KEY,
    partnership_id   UUID          NOT NULL REFERENCES partners_partnership (id),
    event_id         UUID          NOT NULL REFERENCES operations_event (id),
    number           BIGINT        NOT NULL,
    organisation_id  UUID          REFERENCES partners_organisation (id),
    author           VARCHAR(100)  NOT NULL,
    written_at       TIMESTAMPTZ   NOT NULL,
    text             VARCHAR(2000) NOT NULL,
    corrects         UUID          REFERENCES operations_log_entry (id),
    CONSTRAINT operations_log_entry_number UNIQUE (event_id, number)
);

-- Like the audit trail, the log is append-only: the database refuses to change or remove an entry.
CREATE FUNCTION operations_log_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'operations_log_entry is append-only; write a correction instead';
END;
$$;
CREATE TRIGGER operations_log_entry_no_update BEFORE UPDATE OR DELETE ON operations_log_entry
    FOR EACH ROW EXECUTE FUNCTION operations_log_entry_append_only();
CREATE TRIGGER operations_log_entry_no_truncate BEFORE TRUNCATE ON operations_log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION operations_log_entry_append_only();

-- The debrief: what went well and what not, one note per organisation; lessons become action items.
CREATE TABLE operations_debrief_note (
    event_id         UUID          NOT NULL REFERENCES operations_event (id),
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    went_well        VARCHAR(4000),
    went_badly       VARCHAR(4000),
    author           VARCHAR(100)  NOT NULL,
    written_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (event_id, organisation_id)
);

CREATE TABLE operations_lesson (
    id               UUID PRIMARY KEY,
    event_id         UUID          NOT NULL REFERENCES operations_event (id),
    position         INT           NOT NULL,
    text             VARCHAR(1000) NOT NULL,
    owner_id         UUID          NOT NULL REFERENCES partners_organisation (id),
    due_on           DATE          NOT NULL,
    action_item_id   UUID          NOT NULL
);
CREATE INDEX operations_lesson_by_event ON operations_lesson (event_id, position);
