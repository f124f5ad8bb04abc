-- Photos of a place, re-encoded (no EXIF, no GPS) like report photos. They may show people, so they are in the
-- records of processing. A site audit's photos are places' photos too, with the audit and criterion set.
CREATE TABLE places_photo (
    id              UUID PRIMARY KEY,
    place_id        UUID          NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    audit_id        UUID,         -- the site audit (V68 adds its foreign key), NULL for the place's own photos
    criterion       VARCHAR(30),  -- the audit criterion the photo shows
    content_type    VARCHAR(20)   NOT NULL,
    data            BYTEA         NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX places_photo_by_place ON places_photo (place_id, created_at);
