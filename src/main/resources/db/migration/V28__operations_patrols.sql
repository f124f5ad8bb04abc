-- Joint patrols: areas on the map, recurring plans with the staffing each organisation owes, the patrols the plans
-- expand into, and who walks them.
CREATE TABLE operations_patrol_area (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    district_id     UUID          REFERENCES partners_district (id),
    name            VARCHAR(120)  NOT NULL,
    geometry        TEXT          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT operations_patrol_area_name UNIQUE (partnership_id, name)
);

-- Weekdays as ISO numbers (1 = Monday); a window whose end is not after its start passes midnight.
CREATE TABLE operations_patrol_plan (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(200)  NOT NULL,
    weekdays        VARCHAR(20)   NOT NULL,
    starts_at       TIME          NOT NULL,
    ends_at         TIME          NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_until     DATE          NOT NULL,
    skip_holidays   BOOLEAN       NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT operations_patrol_plan_validity CHECK (valid_until >= valid_from)
);

CREATE TABLE operations_patrol_plan_area (
    plan_id   UUID NOT NULL REFERENCES operations_patrol_plan (id) ON DELETE CASCADE,
    area_id   UUID NOT NULL REFERENCES operations_patrol_area (id),
    position  INT  NOT NULL,
    PRIMARY KEY (plan_id, area_id)
);

CREATE TABLE operations_patrol_staffing (
    plan_id          UUID NOT NULL REFERENCES operations_patrol_plan (id) ON DELETE CASCADE,
    organisation_id  UUID NOT NULL REFERENCES partners_organisation (id),
    required         INT  NOT NULL CHECK (required > 0),
    PRIMARY KEY (plan_id, organisation_id)
);

CREATE TABLE operations_patrol (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    plan_id         UUID          NOT NULL REFERENCES operations_patrol_plan (id) ON DELETE CASCADE,
    day             DATE          NOT NULL,
    starts_at       TIMESTAMPTZ   NOT NULL,
    ends_at         TIMESTAMPTZ   NOT NULL,
    cancelled       BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT operations_patrol_once_a_day UNIQUE (plan_id, day),
    CONSTRAINT operations_patrol_period CHECK (ends_at > starts_at)
);
CREATE INDEX operations_patrol_by_time ON operations_patrol (partnership_id, starts_at);

CREATE TABLE operations_patrol_duty (
    patrol_id        UUID          NOT NULL REFERENCES operations_patrol (id) ON DELETE CASCADE,
    person_id        UUID          NOT NULL REFERENCES partners_person (id) ON DELETE CASCADE,
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    assigned_by      VARCHAR(100)  NOT NULL,
    assigned_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (patrol_id, person_id)
);
CREATE INDEX operations_patrol_duty_by_person ON operations_patrol_duty (person_id);

-- The secret of each person's patrol calendar (a person has no account of their own: accounts are per organisation).
CREATE TABLE operations_patrol_feed (
    person_id       UUID         PRIMARY KEY REFERENCES partners_person (id) ON DELETE CASCADE,
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    token           UUID         NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL
);
