-- Submissions per address and channel in fixed windows, shared by all instances (the intake limit). The address is
-- stored as a SHA-256 hash and every row is deleted two windows after it began.
CREATE TABLE reports_intake_count (
    channel       VARCHAR(10)  NOT NULL,
    address_hash  CHAR(64)     NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    submissions   INT          NOT NULL,
    PRIMARY KEY (channel, address_hash, window_start)
);
CREATE INDEX reports_intake_count_window ON reports_intake_count (window_start);
