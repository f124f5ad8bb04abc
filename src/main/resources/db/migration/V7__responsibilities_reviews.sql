-- Aufgabenkritik: a recorded round in which the partners review and redistribute responsibilities.
CREATE TABLE responsibilities_review (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    title           VARCHAR(200)  NOT NULL,
    deadline        DATE          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    topic_ids       UUID[]        NOT NULL DEFAULT '{}',
    district_ids    UUID[]        NOT NULL DEFAULT '{}',
    opened_by       VARCHAR(100)  NOT NULL,
    opened_at       TIMESTAMPTZ   NOT NULL,
    submitted_at    TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    applied_change  BIGINT        REFERENCES responsibilities_change (id)
);
CREATE INDEX responsibilities_review_by_partnership ON responsibilities_review (partnership_id, opened_at DESC);

-- The entries under review as they were when the review opened, each with its organisation's answer.
CREATE TABLE responsibilities_review_item (
    id                        UUID PRIMARY KEY,
    review_id                 UUID          NOT NULL REFERENCES responsibilities_review (id) ON DELETE CASCADE,
    entry_id                  UUID          NOT NULL,
    topic_id                  UUID          NOT NULL REFERENCES responsibilities_topic (id),
    district_id               UUID          REFERENCES partners_district (id),
    time_window_id            UUID          REFERENCES responsibilities_time_window (id),
    organisation_id           UUID          NOT NULL REFERENCES partners_organisation (id),
    responsibility            VARCHAR(10)   NOT NULL,
    resources                 JSONB         NOT NULL DEFAULT '[]',
    answer                    VARCHAR(20),
    proposed_organisation_id  UUID          REFERENCES partners_organisation (id),
    proposed_responsibility   VARCHAR(10),
    proposed_resources        JSONB,
    answer_reason             VARCHAR(2000),
    answered_by               VARCHAR(100),
    answered_at               TIMESTAMPTZ,
    CONSTRAINT responsibilities_review_item_once UNIQUE (review_id, entry_id)
);
CREATE INDEX responsibilities_review_item_by_organisation ON responsibilities_review_item (review_id, organisation_id);

-- The coordinator's consolidated changes, each approved or rejected by the steering group.
CREATE TABLE responsibilities_review_proposal (
    id               UUID PRIMARY KEY,
    review_id        UUID          NOT NULL REFERENCES responsibilities_review (id) ON DELETE CASCADE,
    position         INT           NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    entry_id         UUID,
    item_id          UUID          REFERENCES responsibilities_review_item (id),
    topic_id         UUID          NOT NULL REFERENCES responsibilities_topic (id),
    district_id      UUID          REFERENCES partners_district (id),
    time_window_id   UUID          REFERENCES responsibilities_time_window (id),
    organisation_id  UUID          NOT NULL REFERENCES partners_organisation (id),
    responsibility   VARCHAR(10)   NOT NULL,
    resources        JSONB         NOT NULL DEFAULT '[]',
    rationale        VARCHAR(2000) NOT NULL,
    decision         VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    decision_note    VARCHAR(2000),
    CONSTRAINT responsibilities_review_proposal_entry CHECK (kind = 'ASSIGN' OR entry_id IS NOT NULL)
);
CREATE INDEX responsibilities_review_proposal_by_review ON responsibilities_review_proposal (review_id, position);
