-- Site audits (Ortsbegehungen): a checklist walked at a place, rated per criterion and saved criterion by criterion,
-- so that nothing is lost when the connection drops on the way.
CREATE TABLE places_site_audit (
    id              UUID PRIMARY KEY,
    place_id        UUID          NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    walked_on       DATE          NOT NULL,
    participants    VARCHAR(500)  NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX places_site_audit_by_place ON places_site_audit (place_id, walked_on);

CREATE TABLE places_audit_rating (
    audit_id        UUID          NOT NULL REFERENCES places_site_audit (id) ON DELETE CASCADE,
    criterion       VARCHAR(30)   NOT NULL,
    rating          VARCHAR(20)   NOT NULL,
    note            TEXT          NOT NULL,
    rated_by        VARCHAR(200)  NOT NULL,
    rated_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (audit_id, criterion),
    CONSTRAINT places_audit_rating_rating CHECK (rating IN ('GOOD', 'FAIR', 'POOR', 'NOT_ASSESSED'))
);

ALTER TABLE places_photo ADD CONSTRAINT places_photo_audit
    FOREIGN KEY (audit_id) REFERENCES places_site_audit (id) ON DELETE CASCADE;
