-- The population structure the partnership enters to weight survey results: inhabitants per district, and per age
-- band and gender for the whole city (codes as in the standard items: 16_24 … 75_PLUS; FEMALE, MALE, DIVERSE).
CREATE TABLE surveys_population_district (
    partnership_id UUID NOT NULL REFERENCES partners_partnership (id),
    district_id    UUID NOT NULL REFERENCES partners_district (id) ON DELETE CASCADE,
    inhabitants    INT  NOT NULL CHECK (inhabitants >= 0),
    PRIMARY KEY (partnership_id, district_id)
);

CREATE TABLE surveys_population_cell (
    partnership_id UUID        NOT NULL REFERENCES partners_partnership (id),
    age_band       VARCHAR(40) NOT NULL,
    gender         VARCHAR(40) NOT NULL,
    inhabitants    INT         NOT NULL CHECK (inhabitants >= 0),
    PRIMARY KEY (partnership_id, age_band, gender)
);

-- The results of a wave count answers per question, option and respondent cell: the answers of the wave's responses
-- are read from this index alone (an index-only scan), not from the table.
CREATE INDEX surveys_answer_results_idx ON surveys_answer (response_id)
    INCLUDE (question_id, option_code, number_value) WHERE text_value IS NULL;
CREATE INDEX surveys_response_cells_idx ON surveys_response (wave_id) INCLUDE (id, district_id, age_band, gender);
