-- A body's regular meetings planned for a year in one step (Jahresplanung); each meeting stays its own.
CREATE TABLE meetings_series (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    body_id         UUID          NOT NULL REFERENCES partners_body (id),
    year            INT           NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    rule            VARCHAR(100)  NOT NULL,
    holidays        VARCHAR(20)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)
);
CREATE INDEX meetings_series_by_body ON meetings_series (partnership_id, body_id, year);

ALTER TABLE meetings_meeting ADD COLUMN series_id UUID REFERENCES meetings_series (id);
CREATE INDEX meetings_meeting_by_series ON meetings_meeting (series_id, starts_at) WHERE series_id IS NOT NULL;
