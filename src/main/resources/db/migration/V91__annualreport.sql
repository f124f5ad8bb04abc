-- The annual report (Präventionsbericht): one draft per partnership and year with its chapters (order, switched on or
-- off, the coordinator's text and its versions), and the generated reports with their progress, the key figures
-- they used (to show what changed on regenerating), their PDF and HTML, and whether they are published.
CREATE TABLE annualreport_report (
    id             UUID PRIMARY KEY,
    partnership_id UUID        NOT NULL REFERENCES partners_partnership (id),
    year           INT         NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT annualreport_report_year UNIQUE (partnership_id, year)
);

CREATE TABLE annualreport_chapter (
    report_id      UUID         NOT NULL REFERENCES annualreport_report (id) ON DELETE CASCADE,
    partnership_id UUID         NOT NULL REFERENCES partners_partnership (id),
    chapter_key    VARCHAR(40)  NOT NULL,
    position       INT          NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    text           TEXT         NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, chapter_key)
);

CREATE TABLE annualreport_text_version (
    id             BIGSERIAL PRIMARY KEY,
    report_id      UUID         NOT NULL REFERENCES annualreport_report (id) ON DELETE CASCADE,
    partnership_id UUID         NOT NULL REFERENCES partners_partnership (id),
    chapter_key    VARCHAR(40)  NOT NULL,
    text           TEXT         NOT NULL,
    saved_at       TIMESTAMPTZ  NOT NULL,
    saved_by       VARCHAR(100) NOT NULL
);
CREATE INDEX annualreport_text_version_chapter ON annualreport_text_version (report_id, chapter_key, id DESC);

CREATE TABLE annualreport_generation (
    id             UUID PRIMARY KEY,
    report_id      UUID         NOT NULL REFERENCES annualreport_report (id) ON DELETE CASCADE,
    partnership_id UUID         NOT NULL REFERENCES partners_partnership (id),
    status         VARCHAR(20)  NOT NULL,
    chapters_done  INT          NOT NULL DEFAULT 0,
    chapters_total INT          NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    started_by     VARCHAR(100) NOT NULL,
    finished_at    TIMESTAMPTZ,
    data_as_of     TIMESTAMPTZ  NOT NULL,
    pdf            BYTEA,
    html           TEXT,
    published      BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT annualreport_generation_status CHECK (status IN ('RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    CONSTRAINT annualreport_generation_file CHECK (status = 'DONE' OR pdf IS NULL AND html IS NULL)
);
CREATE INDEX annualreport_generation_report ON annualreport_generation (report_id, started_at DESC);

CREATE TABLE annualreport_figure (
    generation_id  UUID             NOT NULL REFERENCES annualreport_generation (id) ON DELETE CASCADE,
    partnership_id UUID             NOT NULL REFERENCES partners_partnership (id),
    chapter_key    VARCHAR(40)      NOT NULL,
    label          VARCHAR(100)     NOT NULL,
    value          DOUBLE PRECISION,
    PRIMARY KEY (generation_id, label)
);

DO $$
DECLARE
    tenant_table TEXT;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['annualreport_report', 'annualreport_chapter', 'annualreport_text_version',
        'annualreport_generation', 'annualreport_figure']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format($policy$
            CREATE POLICY tenant ON %I
            USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            $policy$, tenant_table);
    END LOOP;
END
$$;
