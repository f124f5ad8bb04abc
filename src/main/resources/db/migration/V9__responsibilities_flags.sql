-- Topic/district pairs that came up as "not ours" in daily work, for the next responsibility review.
CREATE TABLE responsibilities_flag (
    id              BIGSERIAL PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    topic_id        UUID          NOT NULL REFERENCES responsibilities_topic (id),
    district_id     UUID          REFERENCES partners_district (id),
    organisation_id UUID          REFERENCES partners_organisation (id),
    reason          VARCHAR(2000) NOT NULL,
    source          VARCHAR(100)  NOT NULL,
    flagged_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX responsibilities_flag_by_partnership ON responsibilities_flag (partnership_id, flagged_at DESC);
