-- Clients of the Open311 GeoReport v2 API (apps, portals), one key each; only the key's SHA-256 is kept.
CREATE TABLE reports_api_client (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(200)  NOT NULL,
    key_hash        CHAR(64)      NOT NULL UNIQUE,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX reports_api_client_by_partnership ON reports_api_client (partnership_id, created_at);

-- Photos sent with a report, re-encoded (no EXIF, no GPS).
CREATE TABLE reports_photo (
    id              UUID PRIMARY KEY,
    report_id       UUID          NOT NULL REFERENCES reports_report (id) ON DELETE CASCADE,
    content_type    VARCHAR(20)   NOT NULL,
    data            BYTEA         NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX reports_photo_by_report ON reports_photo (report_id, created_at);
