-- Which crime figures (PKS) the coordination publishes on the partnership's public page: one row per year and
-- offence group. The public page shows the whole city's figures of these pairs only, never a district's.
CREATE TABLE situation_crime_publication (
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    year            INT          NOT NULL,
    group_id        UUID         NOT NULL,
    published_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (partnership_id, year, group_id)
);
