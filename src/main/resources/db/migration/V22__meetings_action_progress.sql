-- Progress notes on an action item by its owner or the coordination; each one may change the status.
CREATE TABLE meetings_action_progress (
    id               UUID          PRIMARY KEY,
    action_item_id   UUID          NOT NULL REFERENCES meetings_action_item (id) ON DELETE CASCADE,
    status           VARCHAR(20)   NOT NULL,
    note             VARCHAR(2000),
    author           VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX meetings_action_progress_by_item ON meetings_action_progress (action_item_id, recorded_at DESC);
