-- Possible duplicates (open reports of the same category within 50 m, on the citizen's form and the coordinator's
-- queue) were found through V11's index by category and time alone: with thousands of open reports of a category in
-- the last two weeks every one of them was read and measured (48 ms per report, over a second per queue page). The
-- queries now also bound the latitude and longitude, which this index serves; V11's index stays for the queue's
-- filter by category, which it gives in time order.
CREATE INDEX reports_report_nearby_point ON reports_report (partnership_id, category_id, latitude)
    WHERE closed_at IS NULL;
