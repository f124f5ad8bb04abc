-- Files for an agenda item; uploading a file of the same name again adds its next version.
CREATE TABLE meetings_material (
    id               UUID           PRIMARY KEY,
    agenda_item_id   UUID           NOT NULL REFERENCES meetings_agenda_item (id) ON DELETE CASCADE,
    file_name        VARCHAR(255)   NOT NULL,
    content_type     VARCHAR(100)   NOT NULL,
    size             INT            NOT NULL,
    version          INT            NOT NULL,
    content          BYTEA          NOT NULL,
    uploaded_by      VARCHAR(100)   NOT NULL,
    uploaded_at      TIMESTAMPTZ    NOT NULL,
    UNIQUE (agenda_item_id, file_name, version)
);
