-- The first answer to a report (a status change, a hand-back, a rerouting, a new category or a merge: what the
-- dashboard and the steering group's goal "answered within N working days" count) kept on the report itself. It was
-- the earliest such event, looked up per report: for a year of a large city's reports (hundreds of thousands) that is
-- one index probe each and took seconds on the steering group's start page. A trigger keeps the column, whatever
-- path writes the history; SECURITY DEFINER, so that the row is updated whichever partnership the writing
-- transaction acts for (reports_event has no partnership of its own).
ALTER TABLE reports_report ADD COLUMN first_response_at TIMESTAMPTZ;

UPDATE reports_report r SET first_response_at = f.answered_at
FROM (SELECT report_id, min(occurred_at) AS answered_at FROM reports_event
      WHERE kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED')
      GROUP BY report_id) f
WHERE f.report_id = r.id;

CREATE FUNCTION reports_note_first_response() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE reports_report SET first_response_at = NEW.occurred_at
    WHERE id = NEW.report_id AND (first_response_at IS NULL OR first_response_at > NEW.occurred_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_event_first_response AFTER INSERT ON reports_event
    FOR EACH ROW WHEN (NEW.kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED'))
    EXECUTE FUNCTION reports_note_first_response();
