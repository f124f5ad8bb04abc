-- V123's column for the reports already there, in a transaction of its own (see V120): only the reports whose last
-- routing was a hand-back are written.
UPDATE reports_report r SET handed_back = TRUE
FROM (SELECT DISTINCT ON (report_id) report_id, kind FROM reports_event
      WHERE kind IN ('ROUTED', 'REROUTED', 'HANDED_BACK')
      ORDER BY report_id, occurred_at DESC, id DESC) last
WHERE last.report_id = r.id AND last.kind = 'HANDED_BACK';
