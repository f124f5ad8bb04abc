-- The results of a wave read its answers counted per question, answer code and respondent cell (district, age band,
-- gender) instead of every answer row: a web response adds its counts in the transaction that stores it; a batch of
-- responses (import, demo) rebuilds the wave's counts from its answers. Per cell there are three kinds of rows:
--   question_id NULL, code NULL   the wave's responses in the cell
--   question_id set,  code NULL   the responses that answered the question with an option or a number
--   question_id set,  code set    how often the option was chosen (or the number given; code = the number as text)
-- Free-text answers are not counted here; they are read from surveys_answer.
CREATE TABLE surveys_answer_count (
    partnership_id UUID        NOT NULL REFERENCES partners_partnership (id),
    wave_id        UUID        NOT NULL REFERENCES surveys_wave (id) ON DELETE CASCADE,
    question_id    UUID        REFERENCES surveys_question (id) ON DELETE CASCADE,
    code           VARCHAR(40),
    district_id    UUID        REFERENCES partners_district (id),
    age_band       VARCHAR(40),
    gender         VARCHAR(40),
    n              BIGINT      NOT NULL CHECK (n >= 0),
    CONSTRAINT surveys_answer_count_key
        UNIQUE NULLS NOT DISTINCT (wave_id, question_id, code, district_id, age_band, gender)
);

INSERT INTO surveys_answer_count (partnership_id, wave_id, question_id, code, district_id, age_band, gender, n)
SELECT r.partnership_id, r.wave_id, NULL, NULL, r.district_id, r.age_band, r.gender, count(*)
FROM surveys_response r
GROUP BY r.partnership_id, r.wave_id, r.district_id, r.age_band, r.gender
UNION ALL
SELECT r.partnership_id, r.wave_id, x.question_id, NULL, r.district_id, r.age_band, r.gender, count(*)
FROM surveys_response r
JOIN (SELECT DISTINCT response_id, question_id FROM surveys_answer WHERE text_value IS NULL) x ON x.response_id = r.id
GROUP BY r.partnership_id, r.wave_id, x.question_id, r.district_id, r.age_band, r.gender
UNION ALL
SELECT r.partnership_id, r.wave_id, a.question_id, coalesce(a.option_code, a.number_value::text), r.district_id,
       r.age_band, r.gender, count(*)
FROM surveys_response r JOIN surveys_answer a ON a.response_id = r.id AND a.text_value IS NULL
GROUP BY r.partnership_id, r.wave_id, a.question_id, coalesce(a.option_code, a.number_value::text), r.district_id,
         r.age_band, r.gender;

-- Row-level security as in V90.
ALTER TABLE surveys_answer_count ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON surveys_answer_count
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));
