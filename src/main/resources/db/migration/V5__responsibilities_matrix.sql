-- Task areas ("Aufgaben") whose responsibility the matrix records.
CREATE TABLE responsibilities_topic (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000),
    legal_basis     VARCHAR(500),
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX responsibilities_topic_name_unique ON responsibilities_topic (partnership_id, lower(name));

-- Times of day with their own responsibilities, e.g. "Nacht 22–6 Uhr" (may wrap around midnight).
CREATE TABLE responsibilities_time_window (
    id              UUID PRIMARY KEY,
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(100) NOT NULL,
    starts_at       TIME         NOT NULL,
    ends_at         TIME         NOT NULL,
    CONSTRAINT responsibilities_time_window_not_empty CHECK (starts_at <> ends_at)
);
CREATE UNIQUE INDEX responsibilities_time_window_name_unique ON responsibilities_time_window (partnership_id, lower(name));

-- Every change of the matrix: who, when, why, and (if so) which review decided it.
CREATE TABLE responsibilities_change (
    id              BIGSERIAL PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    changed_at      TIMESTAMPTZ   NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    review_id       UUID
);
CREATE INDEX responsibilities_change_by_partnership ON responsibilities_change (partnership_id, changed_at);

-- Versions of matrix entries: a change ends the current version and starts a new one, so any past state
-- can be read back ("valid_from <= t < valid_to").
CREATE TABLE responsibilities_entry (
    id               BIGSERIAL PRIMARY KEY,
    entry_id         UUID          NOT NULL,
    partnership_id   UUID          NOT NULL REFERENCES partners_partnership (id),
    topic_id         UUID          NOT NULL REFERENCES responsibilities_topic (id),
    district_id      UUID          REFERENCES partners_district (id),
    time_window_id   UUID          REFERENCES responsibilities_time_window (id),
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    responsibility   VARCHAR(10)   NOT NULL,
    resources        JSONB         NOT NULL DEFAULT '[]',
    note             VARCHAR(1000),
    valid_from       TIMESTAMPTZ   NOT NULL,
    valid_to         TIMESTAMPTZ,
    started_by       BIGINT        NOT NULL REFERENCES responsibilities_change (id),
    ended_by         BIGINT        REFERENCES responsibilities_change (id),
    CONSTRAINT responsibilities_entry_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX responsibilities_entry_one_current ON responsibilities_entry (entry_id) WHERE valid_to IS NULL;
CREATE INDEX responsibilities_entry_current ON responsibilities_entry (partnership_id) WHERE valid_to IS NULL;
CREATE INDEX responsibilities_entry_history ON responsibilities_entry (partnership_id, valid_from, valid_to);
