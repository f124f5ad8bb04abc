-- Open data: whether a partnership publishes its aggregated datasets, and the datasets as last generated (CSV and
-- JSON), regenerated each night and on the coordinator's request. They hold counts only, never a report or a person.
CREATE TABLE opendata_setting (
    partnership_id  UUID        PRIMARY KEY REFERENCES partners_partnership (id),
    enabled         BOOLEAN     NOT NULL DEFAULT FALSE,
    changed_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE opendata_dataset (
    partnership_id  UUID        NOT NULL REFERENCES partners_partnership (id),
    dataset         VARCHAR(30) NOT NULL
        CHECK (dataset IN ('REPORTS', 'MEASURES', 'PROJECTS', 'SENSE_OF_SECURITY')),
    generated_at    TIMESTAMPTZ NOT NULL,
    row_count       INT         NOT NULL,
    csv             TEXT        NOT NULL,
    json            TEXT        NOT NULL,
    PRIMARY KEY (partnership_id, dataset)
);

DO $$
DECLARE
    tenant_table TEXT;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['opendata_setting', 'opendata_dataset']
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
