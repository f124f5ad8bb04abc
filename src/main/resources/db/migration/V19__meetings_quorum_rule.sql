-- The quorum rule of a body; bodies without a row decide with more than half of their voting members.
CREATE TABLE meetings_quorum_rule (
    body_id   UUID         PRIMARY KEY REFERENCES partners_body (id) ON DELETE CASCADE,
    rule      VARCHAR(30)  NOT NULL
);
