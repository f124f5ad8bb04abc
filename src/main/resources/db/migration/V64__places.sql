-- Places with a security deficit (Orte mit Sicherheitsdefizit, Angsträume). The geometry is GeoJSON in WGS84; a
-- point or a line is grown by radius_metres into an area. west/south/east/north is the area's bounding box, so that
-- map viewports and evaluations select candidates by index before the exact test in JTS.
CREATE TABLE places_place (
    id                     UUID PRIMARY KEY,
    partnership_id         UUID             NOT NULL REFERENCES partners_partnership (id),
    name                   VARCHAR(200)     NOT NULL,
    district_id            UUID             REFERENCES partners_district (id),
    deficit                VARCHAR(20)      NOT NULL,
    description            TEXT             NOT NULL,
    owner_organisation_id  UUID             REFERENCES partners_organisation (id),
    owner_name             VARCHAR(200),
    status                 VARCHAR(30)      NOT NULL,
    origin                 VARCHAR(20)      NOT NULL,
    geometry               TEXT             NOT NULL,
    radius_metres          INT,
    west                   DOUBLE PRECISION NOT NULL,
    south                  DOUBLE PRECISION NOT NULL,
    east                   DOUBLE PRECISION NOT NULL,
    north                  DOUBLE PRECISION NOT NULL,
    published              BOOLEAN          NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMPTZ      NOT NULL,
    changed_at             TIMESTAMPTZ      NOT NULL,
    CONSTRAINT places_place_name UNIQUE (partnership_id, name),
    CONSTRAINT places_place_deficit CHECK (deficit IN ('OBJECTIVE', 'SUBJECTIVE', 'BOTH')),
    CONSTRAINT places_place_status
        CHECK (status IN ('OBSERVED', 'CONCEPT_IN_WORK', 'MEASURES_RUNNING', 'EVALUATED', 'CLOSED')),
    CONSTRAINT places_place_origin CHECK (origin IN ('MANUAL', 'HOTSPOT', 'REPORTS', 'IMPORT')),
    CONSTRAINT places_place_bounds CHECK (west <= east AND south <= north)
);

CREATE INDEX places_place_bounds_idx ON places_place (partnership_id, west, east, south, north);
