-- Yearly goals (Jahresziele): the steering group and the coordination set a year's goals, each measured by an
-- indicator drawn from SiPa's figures (or a value typed in by hand), with a baseline, a target and its direction, and
-- the organisation that owns it. The figures themselves stay in their modules; a goal keeps only what to measure.
CREATE TABLE goals_goal (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    year            INT           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title           VARCHAR(200)  NOT NULL,
    description     VARCHAR(4000) NOT NULL DEFAULT '',
    indicator       VARCHAR(20)   NOT NULL
        CHECK (indicator IN ('ANSWERED_WITHIN', 'REPORTS', 'CRIME_CASES', 'FEELING_UNSAFE', 'MEASURED')),
    working_days    INT CHECK (working_days BETWEEN 1 AND 60),
    category_id     UUID REFERENCES reports_category (id),
    district_id     UUID REFERENCES partners_district (id),
    offence_group   VARCHAR(200),
    measured        NUMERIC(14, 2),
    baseline        NUMERIC(14, 2) NOT NULL,
    target          NUMERIC(14, 2) NOT NULL,
    direction       VARCHAR(4)    NOT NULL CHECK (direction IN ('UP', 'DOWN')),
    owner_id        UUID REFERENCES partners_organisation (id),
    created_at      TIMESTAMPTZ   NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL,
    CHECK (indicator <> 'ANSWERED_WITHIN' OR working_days IS NOT NULL)
);
CREATE INDEX goals_goal_year ON goals_goal (partnership_id, year);

ALTER TABLE goals_goal ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON goals_goal
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));
