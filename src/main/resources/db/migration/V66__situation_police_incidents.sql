-- Incidents the police export with their place (date, time, offence group, WGS84 coordinates), for the hotspot
-- analysis. An import covers the period from its first to its last day and replaces what was stored for it.
CREATE TABLE situation_incident (
    id              BIGSERIAL         PRIMARY KEY,
    partnership_id  UUID              NOT NULL REFERENCES partners_partnership (id),
    occurred_on     DATE              NOT NULL,
    occurred_at     TIME,
    offence_group   VARCHAR(120)      NOT NULL,
    latitude        DOUBLE PRECISION  NOT NULL,
    longitude       DOUBLE PRECISION  NOT NULL,
    imported_at     TIMESTAMPTZ       NOT NULL,
    CONSTRAINT situation_incident_position CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)
);
CREATE INDEX situation_incident_period ON situation_incident (partnership_id, occurred_on)
    INCLUDE (offence_group, latitude, longitude);
