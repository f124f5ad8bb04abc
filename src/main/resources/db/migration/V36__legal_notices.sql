-- The Impressum and the Datenschutzerklärung of a partnership's public pages (/buerger/{slug}/impressum,
-- /buerger/{slug}/datenschutz), as its coordinator wrote them. A NULL text shows the template, which names the
-- configured deletion period of contact data and the partners of the matrix. The data protection officer is kept
-- apart: the privacy page always names them, whatever the text says.
CREATE TABLE legal_notice (
    partnership_id   UUID           PRIMARY KEY REFERENCES partners_partnership (id),
    imprint          TEXT           CHECK (length(imprint) <= 20000),
    privacy          TEXT           CHECK (length(privacy) <= 40000),
    dpo_name         VARCHAR(200),
    dpo_contact      VARCHAR(1000),
    updated_by       VARCHAR(100)   NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);
