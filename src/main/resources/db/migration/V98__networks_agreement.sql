-- The partnership's signed cooperation agreement (Kooperationsvereinbarung): parties, fields of cooperation, term,
-- review date and the signed document; published on the citizens' pages only if the partners agreed to.
CREATE TABLE networks_agreement (
    partnership_id UUID PRIMARY KEY REFERENCES partners_partnership (id),
    title          VARCHAR(200)  NOT NULL,
    parties        VARCHAR(4000) NOT NULL,
    fields         VARCHAR(4000) NOT NULL,
    starts_on      DATE          NOT NULL,
    ends_on        DATE,
    review_on      DATE,
    published      BOOLEAN       NOT NULL DEFAULT FALSE,
    file_name      VARCHAR(255),
    content_type   VARCHAR(100),
    content        BYTEA,
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT networks_agreement_term CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

ALTER TABLE networks_agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON networks_agreement
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));
