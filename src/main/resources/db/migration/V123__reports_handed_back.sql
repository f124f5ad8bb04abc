-- Two questions the coordinator's start page asks of every open report, answered from the report itself:
--   handed_back   the last of its routings (ROUTED, REROUTED, HANDED_BACK) was a hand-back: "handed back and nobody
--                 routed it since" looked up the history of every report in the coordinator's queue (0.5 s for
--                 7,400 reports). V117's trigger keeps it from now on, V124 fills it for the reports already there.
--   overdue       open reports past their deadline, of a partnership or of one of its organisations: the index by
--                 deadline alone read each row to find its partnership (0.65 s for 45,000 of a million), the queue's
--                 index every report the organisation ever had (0.37 s for the police). The escalation job's query,
--                 across partnerships, uses the new index as well.
ALTER TABLE reports_report ADD COLUMN handed_back BOOLEAN NOT NULL DEFAULT FALSE;

CREATE OR REPLACE FUNCTION reports_note_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    answer BOOLEAN := NEW.kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED');
    away BOOLEAN := NEW.kind IN ('HANDED_BACK', 'REROUTED', 'RECATEGORISED')
                    OR NEW.kind = 'ROUTED' AND NEW.organisation_id IS NULL;
    routed BOOLEAN := NEW.kind = 'ROUTED' AND NEW.organisation_id IS NOT NULL;
    back BOOLEAN;
BEGIN
    IF NEW.kind IN ('ROUTED', 'REROUTED', 'HANDED_BACK') THEN
        -- the last routing by time, whatever order the history was written in
        SELECT e.kind = 'HANDED_BACK' INTO back FROM reports_event e
        WHERE e.report_id = NEW.report_id AND e.kind IN ('ROUTED', 'REROUTED', 'HANDED_BACK')
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1;
    END IF;
    UPDATE reports_report SET
        first_response_at = CASE WHEN answer AND (first_response_at IS NULL OR first_response_at > NEW.occurred_at)
                                 THEN NEW.occurred_at ELSE first_response_at END,
        rerouted = rerouted OR away,
        routed_to_organisation = routed_to_organisation OR routed,
        handed_back = coalesce(back, handed_back)
    WHERE id = NEW.report_id
      AND (answer AND (first_response_at IS NULL OR first_response_at > NEW.occurred_at)
           OR away AND NOT rerouted OR routed AND NOT routed_to_organisation OR back IS DISTINCT FROM handed_back
              AND back IS NOT NULL);
    RETURN NULL;
END
$$;

DROP INDEX reports_report_open_deadline;
CREATE INDEX reports_report_open_deadline ON reports_report (partnership_id, assignee_id, deadline)
    WHERE closed_at IS NULL;
