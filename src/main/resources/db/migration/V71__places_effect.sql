-- What a place's evaluation (did the measures work?) compares, kept per place so that it gives the same figures
-- tomorrow: the start of the measures, the length of the windows before and after, the width of the buffer ring and
-- the comparison area drawn by the coordinator (GeoJSON polygon in WGS84). Counting uses reports_report_location.
CREATE TABLE places_effect_setting (
    place_id             UUID        PRIMARY KEY REFERENCES places_place (id) ON DELETE CASCADE,
    partnership_id       UUID        NOT NULL REFERENCES partners_partnership (id),
    start_date           DATE        NOT NULL,
    window_months        INT         NOT NULL,
    buffer_metres        INT         NOT NULL,
    comparison_geometry  TEXT,
    changed_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT places_effect_setting_window CHECK (window_months BETWEEN 1 AND 24),
    CONSTRAINT places_effect_setting_buffer CHECK (buffer_metres BETWEEN 25 AND 1000)
);
