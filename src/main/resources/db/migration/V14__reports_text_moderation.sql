-- What citizens write is shown publicly (Open311 lists, public map) only after the coordinator has looked at it:
-- PENDING until then, APPROVED or HIDDEN afterwards. Reports of partners and patrols are internal (HIDDEN).
ALTER TABLE reports_report ADD COLUMN text_moderation VARCHAR(10) NOT NULL DEFAULT 'PENDING';
UPDATE reports_report SET text_moderation = 'HIDDEN' WHERE source IN ('PARTNER', 'PATROL');
CREATE INDEX reports_report_text_pending ON reports_report (partnership_id, submitted_at) WHERE text_moderation = 'PENDING';
