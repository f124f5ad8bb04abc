-- Categories of concerns (Open311: services), each mapped to a topic of the responsibility matrix.
CREATE TABLE reports_category (
    id                  UUID PRIMARY KEY,
    partnership_id      UUID          NOT NULL REFERENCES partners_partnership (id),
    code                VARCHAR(40)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    description         VARCHAR(1000),
    topic_id            UUID          REFERENCES responsibilities_topic (id),
    service_level_days  INT           NOT NULL DEFAULT 3,
    moderated           BOOLEAN       NOT NULL DEFAULT FALSE,
    keywords            VARCHAR(1000),
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    position            INT           NOT NULL DEFAULT 0,
    CONSTRAINT reports_category_code_unique UNIQUE (partnership_id, code),
    CONSTRAINT reports_category_service_level CHECK (service_level_days BETWEEN 1 AND 60)
);

-- Extra questions of a category (Open311: attributes).
CREATE TABLE reports_category_attribute (
    category_id  UUID          NOT NULL REFERENCES reports_category (id) ON DELETE CASCADE,
    code         VARCHAR(40)   NOT NULL,
    position     INT           NOT NULL,
    datatype     VARCHAR(20)   NOT NULL,
    required     BOOLEAN       NOT NULL DEFAULT FALSE,
    description  VARCHAR(300)  NOT NULL,
    choices      JSONB         NOT NULL DEFAULT '[]',
    PRIMARY KEY (category_id, code)
);

CREATE SEQUENCE reports_public_number;

CREATE TABLE reports_report (
    id                        UUID PRIMARY KEY,
    partnership_id            UUID          NOT NULL REFERENCES partners_partnership (id),
    public_id                 VARCHAR(30)   UNIQUE,
    token                     UUID          NOT NULL UNIQUE,
    category_id               UUID          NOT NULL REFERENCES reports_category (id),
    description               VARCHAR(5000) NOT NULL,
    latitude                  DOUBLE PRECISION,
    longitude                 DOUBLE PRECISION,
    address                   VARCHAR(300),
    district_id               UUID          REFERENCES partners_district (id),
    district_uncertain        BOOLEAN       NOT NULL DEFAULT FALSE,
    source                    VARCHAR(20)   NOT NULL,
    status                    VARCHAR(20)   NOT NULL,
    assignee_id               UUID          REFERENCES partners_organisation (id),
    deadline                  TIMESTAMPTZ,
    escalated_at              TIMESTAMPTZ,
    attributes                JSONB         NOT NULL DEFAULT '{}',
    reporter_name             VARCHAR(200),
    reporter_email            VARCHAR(200),
    reporter_phone            VARCHAR(60),
    contact_deleted_at        TIMESTAMPTZ,
    public_note               VARCHAR(2000),
    submitted_at              TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL,
    closed_at                 TIMESTAMPTZ,
    submitted_by              VARCHAR(100)
);
CREATE INDEX reports_report_queue ON reports_report (partnership_id, assignee_id, status, submitted_at DESC);
CREATE INDEX reports_report_by_time ON reports_report (partnership_id, submitted_at DESC);
CREATE INDEX reports_report_open_deadline ON reports_report (deadline) WHERE closed_at IS NULL;
CREATE INDEX reports_report_closed ON reports_report (closed_at) WHERE reporter_email IS NOT NULL OR reporter_name IS NOT NULL OR reporter_phone IS NOT NULL;

-- Everything that happened to a report; public entries are shown on the citizen's status page.
CREATE TABLE reports_event (
    id               BIGSERIAL PRIMARY KEY,
    report_id        UUID          NOT NULL REFERENCES reports_report (id) ON DELETE CASCADE,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    actor            VARCHAR(100)  NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    organisation_id  UUID,
    note             VARCHAR(2000),
    public           BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX reports_event_by_report ON reports_event (report_id, occurred_at);
