-- Links from agenda items to records of other modules. The kind names the module's record (REPORT, TOPIC) and is
-- not constrained here, so that later kinds (places, prevention projects) need no schema change; the targets live
-- in other modules' tables and are checked through their APIs, hence no foreign key.
CREATE TABLE meetings_agenda_link (
    id               UUID           PRIMARY KEY,
    agenda_item_id   UUID           NOT NULL REFERENCES meetings_agenda_item (id) ON DELETE CASCADE,
    kind             VARCHAR(30)    NOT NULL,
    target_id        UUID           NOT NULL,
    created_by       VARCHAR(100)   NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    CONSTRAINT meetings_agenda_link_once UNIQUE (agenda_item_id, kind, target_id)
);

-- The partnership's logo for the letterhead of its documents: re-encoded and scaled down on upload. Kept apart from
-- partners_partnership, which is read on most requests.
CREATE TABLE partners_partnership_logo (
    partnership_id   UUID           PRIMARY KEY REFERENCES partners_partnership (id),
    content_type     VARCHAR(20)    NOT NULL,
    data             BYTEA          NOT NULL,
    uploaded_by      VARCHAR(100)   NOT NULL,
    uploaded_at      TIMESTAMPTZ    NOT NULL
);
