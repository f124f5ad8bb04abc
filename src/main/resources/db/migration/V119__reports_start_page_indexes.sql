-- Two counts on the start pages read every report of the partnership (a sequential scan of a million rows took
-- 0.3-0.5 s each): the reports closed in a month (count and median time to close on the coordinator's and the
-- steering group's start pages) and the reports waiting for moderation. Both indexes are partial, so that a new
-- report (open, not moderated) adds no entry to them.
CREATE INDEX reports_report_closed_in ON reports_report (partnership_id, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX reports_report_moderation ON reports_report (partnership_id)
    WHERE status = 'MODERATION' OR text_moderation = 'PENDING';
