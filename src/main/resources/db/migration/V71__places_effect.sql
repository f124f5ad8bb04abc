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

-- Counting a place's reports reads every report in the box around place and buffer over two windows: with 1,000,000
-- reports and 20 % of them in one part of the city that was some 130,000 rows, each fetched from the table to check
-- status and merge (random reads, seconds). This index holds only countable reports and the three read columns, so
-- PostgreSQL answers from the index alone.
CREATE INDEX reports_report_countable ON reports_report (partnership_id, latitude, longitude, submitted_at)
    WHERE public_id IS NOT NULL AND duplicate_of IS NULL AND status <> 'MODERATION';
