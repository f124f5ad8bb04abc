-- A month's overdue reports (ReportFigures.month: open, not waiting for moderation, past their deadline, received in
-- the month) read every open report of the month from the heap to look at deadline and status: 15,000 rows and
-- 10,000 buffers, 7 ms of each of the three months on the steering group's start page over a million reports. The
-- index of open reports by category and time (V11, also the duplicates' index) carries both columns now, so the
-- count is an index-only scan. Same key and condition as before, rebuilt under the old name.
CREATE INDEX reports_report_nearby_new ON reports_report (partnership_id, category_id, submitted_at)
    INCLUDE (deadline, status) WHERE closed_at IS NULL;
DROP INDEX reports_report_nearby;
ALTER INDEX reports_report_nearby_new RENAME TO reports_report_nearby;
