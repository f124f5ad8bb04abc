-- Who attended a meeting; the quorum is computed from it.
CREATE TABLE meetings_attendance (
    meeting_id       UUID         NOT NULL REFERENCES meetings_meeting (id) ON DELETE CASCADE,
    person_id        UUID         NOT NULL REFERENCES partners_person (id),
    status           VARCHAR(20)  NOT NULL,
    represented_by   UUID         REFERENCES partners_person (id),
    PRIMARY KEY (meeting_id, person_id),
    CONSTRAINT meetings_attendance_representative CHECK (status <> 'REPRESENTED' OR represented_by IS NOT NULL)
);
