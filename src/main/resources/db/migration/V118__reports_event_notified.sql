-- A partner's start page and its queue "what we were told of" look for the reports on which the organisation was
-- NOTIFIED (supporting or informed); without an index every open report of the partnership was probed in the
-- history (seconds for a large city). The partial index answers it from the organisation's own entries.
CREATE INDEX reports_event_notified ON reports_event (organisation_id, report_id) WHERE kind = 'NOTIFIED';
