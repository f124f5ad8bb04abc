-- What the start pages and the yearly goals ask of a report's history, kept on the report itself:
--   first_response_at        the first answer (a status change, a hand-back, a rerouting, a new category or a
--                            merge), for the median time to first answer and the goal "answered within N working days"
--   routed_to_organisation   the matrix (or an approval) routed it to an organisation
--   rerouted                 it was handed back, rerouted, given a new category or routed to nobody (the coordinator)
-- A month's share "routed straight to an organisation that kept it" is routed_to_organisation AND NOT rerouted.
-- They were looked up per report in the history: for a month or a year of a large city's reports that is one or two
-- index probes per report (or hash joins over the whole history) and took seconds on the steering group's start
-- page. A trigger keeps the columns, whatever path writes the history; SECURITY DEFINER, so that the row is updated
-- whichever partnership the writing transaction acts for (reports_event has no partnership of its own). The update
-- is skipped where nothing changes (a new report is inserted with its routing flags set already). The columns of
-- the reports already there are filled by V120, in a transaction of its own: this one holds the table's exclusive
-- lock only for the moment of adding them, so that the contact point keeps taking reports during an upgrade.
ALTER TABLE reports_report
    ADD COLUMN first_response_at TIMESTAMPTZ,
    ADD COLUMN routed_to_organisation BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN rerouted BOOLEAN NOT NULL DEFAULT FALSE;

CREATE FUNCTION reports_note_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    answer BOOLEAN := NEW.kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED');
    away BOOLEAN := NEW.kind IN ('HANDED_BACK', 'REROUTED', 'RECATEGORISED')
                    OR NEW.kind = 'ROUTED' AND NEW.organisation_id IS NULL;
    routed BOOLEAN := NEW.kind = 'ROUTED' AND NEW.organisation_id IS NOT NULL;
BEGIN
    UPDATE reports_report SET
        first_response_at = CASE WHEN answer AND (first_response_at IS NULL OR first_response_at > NEW.occurred_at)
                                 THEN NEW.occurred_at ELSE first_response_at END,
        rerouted = rerouted OR away,
        routed_to_organisation = routed_to_organisation OR routed
    WHERE id = NEW.report_id
      AND (answer AND (first_response_at IS NULL OR first_response_at > NEW.occurred_at)
           OR away AND NOT rerouted OR routed AND NOT routed_to_organisation);
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_event_history AFTER INSERT ON reports_event
    FOR EACH ROW WHEN (NEW.kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED', 'ROUTED'))
    EXECUTE FUNCTION reports_note_history();
