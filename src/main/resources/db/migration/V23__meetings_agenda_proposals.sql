-- Agenda items proposed by members of a body before the cut-off; the chair's office accepts or declines them.
CREATE TABLE meetings_agenda_proposal (
    id               UUID           PRIMARY KEY,
    meeting_id       UUID           NOT NULL REFERENCES meetings_meeting (id) ON DELETE CASCADE,
    title            VARCHAR(300)   NOT NULL,
    description      VARCHAR(4000),
    proposed_by      VARCHAR(100)   NOT NULL,
    organisation_id  UUID           REFERENCES partners_organisation (id),
    status           VARCHAR(20)    NOT NULL,
    decided_by       VARCHAR(100),
    reason           VARCHAR(1000),
    agenda_item_id   UUID           REFERENCES meetings_agenda_item (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX meetings_agenda_proposal_by_meeting ON meetings_agenda_proposal (meeting_id, created_at);
