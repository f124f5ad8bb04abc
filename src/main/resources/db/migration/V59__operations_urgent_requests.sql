-- Short-notice requests between the partners (kurzfristige Anfrage, Sofortlage): a road closure or a gathering the
-- same day, asked of one organisation by another without a deployment plan; acknowledged, answered and perhaps
-- turned into an event with a plan later.
CREATE TABLE operations_urgent_request (
    id                 UUID PRIMARY KEY,
    partnership_id     UUID          NOT NULL REFERENCES partners_partnership (id),
    requested_by       UUID          NOT NULL REFERENCES partners_organisation (id),
    addressed_to       UUID          NOT NULL REFERENCES partners_organisation (id),
    needed_at          TIMESTAMPTZ   NOT NULL,
    place              VARCHAR(200)  NOT NULL,
    district_id        UUID          REFERENCES partners_district (id),
    what               VARCHAR(1000) NOT NULL,
    urgency            VARCHAR(20)   NOT NULL,
    sent_by            VARCHAR(100)  NOT NULL,
    sent_at            TIMESTAMPTZ   NOT NULL,
    acknowledged_by    VARCHAR(100),
    acknowledged_at    TIMESTAMPTZ,
    answer             VARCHAR(20),
    answer_text        VARCHAR(1000),
    answered_by        VARCHAR(100),
    answered_at        TIMESTAMPTZ,
    event_id           UUID          REFERENCES operations_event (id),
    CONSTRAINT operations_urgent_request_two_sides CHECK (requested_by <> addressed_to),
    CONSTRAINT operations_urgent_request_answer_after_acknowledgement
        CHECK (answered_at IS NULL OR acknowledged_at IS NOT NULL)
);
CREATE INDEX operations_urgent_request_by_sent ON operations_urgent_request (partnership_id, sent_at DESC);
CREATE UNIQUE INDEX operations_urgent_request_by_event ON operations_urgent_request (event_id) WHERE event_id IS NOT NULL;

-- Every step of a request is an entry in the operations log, numbered per request; an entry belongs to an event
-- or to a request, never both. The log stays append-only (its triggers are unchanged).
ALTER TABLE operations_log_entry
    ALTER COLUMN event_id DROP NOT NULL,
    ADD COLUMN request_id UUID REFERENCES operations_urgent_request (id),
    ADD CONSTRAINT operations_log_entry_event_or_request CHECK (num_nonnulls(event_id, request_id) = 1),
    ADD CONSTRAINT operations_log_entry_request_number UNIQUE (request_id, number);
