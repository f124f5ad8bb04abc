-- Citizen surveys (Bürgerumfragen) on the sense of security. A questionnaire is a list of sections (one page each)
-- with questions; a wave is one run of a questionnaire in a period. Questions of different questionnaires that carry
-- the same comparable_key are the same question (same wording, same answer codes): only those are compared over waves.
-- Wording is kept in German and, where given, in English (the *_en columns) for respondents who read English.
CREATE TABLE surveys_questionnaire (
    id             UUID PRIMARY KEY,
    partnership_id UUID         NOT NULL REFERENCES partners_partnership (id),
    title          VARCHAR(200) NOT NULL,
    introduction   TEXT         NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ  NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT surveys_questionnaire_title UNIQUE (partnership_id, title)
);

CREATE TABLE surveys_section (
    id               UUID PRIMARY KEY,
    questionnaire_id UUID         NOT NULL REFERENCES surveys_questionnaire (id) ON DELETE CASCADE,
    position         INT          NOT NULL,
    title            VARCHAR(200) NOT NULL,
    title_en         VARCHAR(200),
    CONSTRAINT surveys_section_position UNIQUE (questionnaire_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- min_value/max_value bound a NUMBER answer and give the points of a LIKERT scale (1..4 or 1..5). A conditional
-- question is shown only when the question it depends on was answered with one of condition_codes (comma-separated).
CREATE TABLE surveys_question (
    id                    UUID PRIMARY KEY,
    questionnaire_id      UUID         NOT NULL REFERENCES surveys_questionnaire (id) ON DELETE CASCADE,
    section_id            UUID         NOT NULL REFERENCES surveys_section (id) ON DELETE CASCADE,
    position              INT          NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    text                  VARCHAR(500) NOT NULL,
    help_text             VARCHAR(500),
    text_en               VARCHAR(500),
    help_text_en          VARCHAR(500),
    required              BOOLEAN      NOT NULL DEFAULT FALSE,
    comparable_key        VARCHAR(80),
    min_value             INT,
    max_value             INT,
    condition_question_id UUID         REFERENCES surveys_question (id) ON DELETE SET NULL,
    condition_codes       VARCHAR(400),
    CONSTRAINT surveys_question_position UNIQUE (section_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT surveys_question_comparable UNIQUE (questionnaire_id, comparable_key),
    CONSTRAINT surveys_question_kind CHECK (kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'LIKERT', 'NUMBER',
        'FREE_TEXT', 'DISTRICT', 'AGE_BAND', 'GENDER')),
    CONSTRAINT surveys_question_range CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
    CONSTRAINT surveys_question_condition CHECK ((condition_question_id IS NULL) = (condition_codes IS NULL))
);

-- The answer options of a choice, Likert or demographic question; the code is what is stored and compared.
CREATE TABLE surveys_option (
    question_id UUID         NOT NULL REFERENCES surveys_question (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    label       VARCHAR(200) NOT NULL,
    label_en    VARCHAR(200),
    PRIMARY KEY (question_id, code)
);

-- closed: the coordination ended the wave before closes_on.
CREATE TABLE surveys_wave (
    id               UUID PRIMARY KEY,
    partnership_id   UUID         NOT NULL REFERENCES partners_partnership (id),
    questionnaire_id UUID         NOT NULL REFERENCES surveys_questionnaire (id),
    title            VARCHAR(200) NOT NULL,
    opens_on         DATE         NOT NULL,
    closes_on        DATE         NOT NULL,
    mode             VARCHAR(20)  NOT NULL,
    closed           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT surveys_wave_title UNIQUE (partnership_id, title),
    CONSTRAINT surveys_wave_period CHECK (opens_on <= closes_on),
    CONSTRAINT surveys_wave_mode CHECK (mode IN ('INVITATION_CODES', 'OPEN', 'EXTERNAL'))
);

-- Invitation codes printed on letters to a random sample. A used code is only marked: nothing links it to the
-- response it allowed, so a letter shop's address list can never be joined to answers.
CREATE TABLE surveys_invitation_code (
    wave_id UUID        NOT NULL REFERENCES surveys_wave (id) ON DELETE CASCADE,
    code    VARCHAR(20) NOT NULL,
    used    BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (wave_id, code)
);

-- A response holds no address, account or time finer than the day. District, age band and gender are the answers
-- to the demographic questions, kept on the response because results are weighted and broken down by them.
CREATE TABLE surveys_response (
    id             UUID PRIMARY KEY,
    partnership_id UUID        NOT NULL REFERENCES partners_partnership (id),
    wave_id        UUID        NOT NULL REFERENCES surveys_wave (id) ON DELETE CASCADE,
    submitted_on   DATE        NOT NULL,
    source         VARCHAR(10) NOT NULL,
    district_id    UUID        REFERENCES partners_district (id),
    age_band       VARCHAR(40),
    gender         VARCHAR(40),
    CONSTRAINT surveys_response_source CHECK (source IN ('WEB', 'IMPORT'))
);

CREATE INDEX surveys_response_wave_idx ON surveys_response (wave_id);

-- One row per chosen option (several for a multiple choice), or the number or text given.
CREATE TABLE surveys_answer (
    response_id  UUID NOT NULL REFERENCES surveys_response (id) ON DELETE CASCADE,
    question_id  UUID NOT NULL REFERENCES surveys_question (id),
    option_code  VARCHAR(40),
    number_value INT,
    text_value   TEXT,
    CONSTRAINT surveys_answer_one_value CHECK (num_nonnulls(option_code, number_value, text_value) = 1)
);

CREATE INDEX surveys_answer_response_idx ON surveys_answer (response_id);
CREATE INDEX surveys_answer_question_idx ON surveys_answer (question_id, option_code);
