-- What a patrol reports afterwards, and what it observed; an observation may have become a report of the central
-- contact point.
CREATE TABLE operations_patrol_report (
    patrol_id         UUID          PRIMARY KEY REFERENCES operations_patrol (id) ON DELETE CASCADE,
    started_at        TIMESTAMPTZ   NOT NULL,
    ended_at          TIMESTAMPTZ   NOT NULL,
    places            VARCHAR(4000),
    citizen_contacts  INT           NOT NULL CHECK (citizen_contacts >= 0),
    incidents         VARCHAR(4000),
    measures          VARCHAR(4000),
    written_by        VARCHAR(100)  NOT NULL,
    written_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT operations_patrol_report_period CHECK (ended_at > started_at)
);

CREATE TABLE operations_patrol_observation (
    id           UUID PRIMARY KEY,
    patrol_id    UUID          NOT NULL REFERENCES operations_patrol (id) ON DELETE CASCADE,
    category_id  UUID          NOT NULL REFERENCES reports_category (id),
    area_id      UUID          REFERENCES operations_patrol_area (id),
    place        VARCHAR(4000),
    description  VARCHAR(4000) NOT NULL,
    report_id    UUID          REFERENCES reports_report (id),
    written_by   VARCHAR(100)  NOT NULL,
    written_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX operations_patrol_observation_by_patrol ON operations_patrol_observation (patrol_id, written_at);
