-- Project ideas (Projektideen) from citizens (the public form, without login) and from partners (inside SiPa),
-- moderated by the coordination: new, in review, turned into a project (the project is linked) or declined with a
-- reason. A citizen's contact e-mail is stored only with consent (consented_at) and cleared by a nightly job a while
-- after the answer (contact_cleared_at). And the flag by which the coordination publishes a project on the
-- partnership's public pages; the agenda items of meetings that dealt with a project.
ALTER TABLE prevention_project ADD COLUMN published BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE prevention_idea (
    id                  UUID PRIMARY KEY,
    partnership_id      UUID          NOT NULL REFERENCES partners_partnership (id),
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    field               VARCHAR(30),
    district_id         UUID          REFERENCES partners_district (id),
    origin              VARCHAR(10)   NOT NULL,
    submitted_by        VARCHAR(200),
    contact_email       VARCHAR(254),
    consented_at        TIMESTAMPTZ,
    status              VARCHAR(12)   NOT NULL,
    answer              VARCHAR(2000) NOT NULL DEFAULT '',
    project_id          UUID          REFERENCES prevention_project (id) ON DELETE SET NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    decided_at          TIMESTAMPTZ,
    contact_cleared_at  TIMESTAMPTZ,
    CONSTRAINT prevention_idea_origin CHECK (origin IN ('CITIZEN', 'PARTNER')),
    CONSTRAINT prevention_idea_status CHECK (status IN ('NEW', 'IN_REVIEW', 'PROJECT', 'DECLINED')),
    CONSTRAINT prevention_idea_consent CHECK (contact_email IS NULL OR consented_at IS NOT NULL),
    CONSTRAINT prevention_idea_declined CHECK (status <> 'DECLINED' OR answer <> '')
);
CREATE INDEX prevention_idea_partnership ON prevention_idea (partnership_id, status);
CREATE INDEX prevention_idea_project ON prevention_idea (project_id);

ALTER TABLE prevention_idea ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON prevention_idea
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));

-- Agenda items of meetings that dealt with a project (like places_agenda_link): the meeting lives in the meetings
-- module, only its ids are kept here; the project page shows the items with their decisions and action items.
CREATE TABLE prevention_agenda_link (
    id           UUID PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES prevention_project (id) ON DELETE CASCADE,
    meeting_id   UUID        NOT NULL,
    agenda_item  UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT prevention_agenda_link_once UNIQUE (project_id, agenda_item)
);
CREATE INDEX prevention_agenda_link_project ON prevention_agenda_link (project_id);

-- An indicator can follow a comparable survey question (its comparable key); its values are the survey's waves.
ALTER TABLE prevention_indicator ADD COLUMN survey_key VARCHAR(100);
ALTER TABLE prevention_indicator DROP CONSTRAINT prevention_indicator_source;
ALTER TABLE prevention_indicator ADD CONSTRAINT prevention_indicator_source
    CHECK (source IN ('TYPED', 'REPORTS', 'CRIME_CASES', 'SURVEY'));
