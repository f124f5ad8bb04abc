-- Meetings of bodies with agenda, decisions (numbered per body and year) and action items.
CREATE TABLE meetings_meeting (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    body_id         UUID          NOT NULL REFERENCES partners_body (id),
    title           VARCHAR(200)  NOT NULL,
    starts_at       TIMESTAMPTZ   NOT NULL,
    ends_at         TIMESTAMPTZ   NOT NULL,
    location        VARCHAR(300),
    video_link      VARCHAR(500),
    status          VARCHAR(20)   NOT NULL,
    sequence        INT           NOT NULL DEFAULT 0,
    cancel_reason   VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT meetings_meeting_period CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_meeting_by_body ON meetings_meeting (partnership_id, body_id, starts_at);

CREATE TABLE meetings_agenda_item (
    id               UUID PRIMARY KEY,
    meeting_id       UUID          NOT NULL REFERENCES meetings_meeting (id) ON DELETE CASCADE,
    position         INT           NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    description      VARCHAR(4000),
    presenter_id     UUID          REFERENCES partners_person (id),
    confidential     BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX meetings_agenda_item_by_meeting ON meetings_agenda_item (meeting_id, position);

-- The last number given per body and year; taken with an upsert in the decision's transaction, so numbers have
-- no gaps and no duplicates, also when two decisions are taken at the same moment.
CREATE TABLE meetings_decision_counter (
    body_id  UUID NOT NULL REFERENCES partners_body (id),
    year     INT  NOT NULL,
    last     INT  NOT NULL,
    PRIMARY KEY (body_id, year)
);

CREATE TABLE meetings_decision (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    body_id         UUID          NOT NULL REFERENCES partners_body (id),
    meeting_id      UUID          NOT NULL REFERENCES meetings_meeting (id),
    agenda_item_id  UUID          REFERENCES meetings_agenda_item (id),
    year            INT           NOT NULL,
    number          INT           NOT NULL,
    reference       VARCHAR(40)   NOT NULL,
    wording         VARCHAR(4000) NOT NULL,
    vote            VARCHAR(200),
    decided_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT meetings_decision_number_unique UNIQUE (body_id, year, number)
);

CREATE TABLE meetings_action_item (
    id                  UUID PRIMARY KEY,
    partnership_id      UUID          NOT NULL REFERENCES partners_partnership (id),
    meeting_id          UUID          NOT NULL REFERENCES meetings_meeting (id),
    decision_id         UUID          REFERENCES meetings_decision (id),
    title               VARCHAR(500)  NOT NULL,
    owner_id            UUID          NOT NULL REFERENCES partners_organisation (id),
    responsible_id      UUID          REFERENCES partners_person (id),
    due_on              DATE          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX meetings_action_item_open ON meetings_action_item (partnership_id, due_on) WHERE status IN ('OPEN', 'IN_PROGRESS');
