-- What citizens contribute on the public page of a published place: comments, shown once the coordination approved
-- them (like the texts of reports), and ratings "how safe do you feel here" (1-5). A rating keeps neither an IP
-- address nor an account: only a hash of the place and a random token kept in the device's cookie, and the month,
-- so that one device rates a place at most once a month.
CREATE TABLE places_comment (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    place_id        UUID          NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    text            VARCHAR(2000) NOT NULL,
    moderation      VARCHAR(10)   NOT NULL,
    submitted_at    TIMESTAMPTZ   NOT NULL,
    moderated_at    TIMESTAMPTZ,
    CONSTRAINT places_comment_moderation CHECK (moderation IN ('PENDING', 'APPROVED', 'HIDDEN'))
);

CREATE INDEX places_comment_place_idx ON places_comment (place_id, moderation, submitted_at);

CREATE TABLE places_rating (
    place_id        UUID        NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    device_hash     CHAR(64)    NOT NULL,
    month           DATE        NOT NULL,
    score           SMALLINT    NOT NULL,
    PRIMARY KEY (place_id, device_hash, month),
    CONSTRAINT places_rating_score CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT places_rating_month CHECK (EXTRACT(DAY FROM month) = 1)
);
