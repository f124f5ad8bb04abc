-- News posts of the partnership's public website, written by the coordination. A joint statement names partner
-- organisations; the post goes public only once the staff of every named organisation approved it (a decline keeps
-- it back, with a note). Texts are sanitised HTML (a small safelist), never stored as typed.
CREATE TABLE website_post (
    id             UUID PRIMARY KEY,
    partnership_id UUID          NOT NULL REFERENCES partners_partnership (id),
    title          VARCHAR(200)  NOT NULL,
    teaser         VARCHAR(500)  NOT NULL,
    body           VARCHAR(40000) NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    written_by     VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL,
    published_at   TIMESTAMPTZ,
    CONSTRAINT website_post_status CHECK (status IN ('DRAFT', 'AWAITING_APPROVAL', 'PUBLISHED', 'WITHDRAWN'))
);

CREATE INDEX website_post_public_idx ON website_post (partnership_id, status, published_at DESC);

-- One line per partner organisation named in a joint statement; organisation_name keeps the name as it was named,
-- for the public page, which reads no partner data.
CREATE TABLE website_post_approval (
    post_id           UUID          NOT NULL REFERENCES website_post (id) ON DELETE CASCADE,
    partnership_id    UUID          NOT NULL REFERENCES partners_partnership (id),
    organisation_id   UUID          NOT NULL REFERENCES partners_organisation (id),
    organisation_name VARCHAR(300)  NOT NULL,
    decision          VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    note              VARCHAR(1000),
    decided_by        VARCHAR(200),
    decided_at        TIMESTAMPTZ,
    PRIMARY KEY (post_id, organisation_id),
    CONSTRAINT website_post_approval_decision CHECK (decision IN ('PENDING', 'APPROVED', 'DECLINED'))
);

CREATE INDEX website_post_approval_organisation_idx ON website_post_approval (partnership_id, organisation_id, decision);

-- Tenancy as V90 sets it for every table with a partnership_id.
ALTER TABLE website_post ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON website_post
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));

ALTER TABLE website_post_approval ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON website_post_approval
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));
