-- Minutes of a meeting in versions: a draft is circulated, commented and approved; an approved version is never
-- changed, a correction is the next version with its reason.
CREATE TABLE meetings_minutes (
    meeting_id         UUID          NOT NULL REFERENCES meetings_meeting (id) ON DELETE CASCADE,
    version            INT           NOT NULL CHECK (version > 0),
    status             VARCHAR(20)   NOT NULL,
    correction_reason  VARCHAR(1000),
    approved_by        VARCHAR(100),
    approved_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (meeting_id, version),
    CONSTRAINT meetings_minutes_correction CHECK (version = 1 OR correction_reason IS NOT NULL),
    CONSTRAINT meetings_minutes_approval CHECK (status <> 'APPROVED' OR approved_by IS NOT NULL)
);

CREATE TABLE meetings_minutes_text (
    meeting_id       UUID  NOT NULL,
    version          INT   NOT NULL,
    agenda_item_id   UUID  NOT NULL REFERENCES meetings_agenda_item (id) ON DELETE CASCADE,
    text             TEXT  NOT NULL,
    PRIMARY KEY (meeting_id, version, agenda_item_id),
    FOREIGN KEY (meeting_id, version) REFERENCES meetings_minutes (meeting_id, version) ON DELETE CASCADE
);

CREATE TABLE meetings_minutes_comment (
    id           UUID           PRIMARY KEY,
    meeting_id   UUID           NOT NULL,
    version      INT            NOT NULL,
    author       VARCHAR(100)   NOT NULL,
    text         VARCHAR(4000)  NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL,
    FOREIGN KEY (meeting_id, version) REFERENCES meetings_minutes (meeting_id, version) ON DELETE CASCADE
);
CREATE INDEX meetings_minutes_comment_by_version ON meetings_minutes_comment (meeting_id, version, created_at);
