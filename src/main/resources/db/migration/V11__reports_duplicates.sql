-- A report merged into another follows that one; its reporter is informed with the other's.
ALTER TABLE reports_report ADD COLUMN duplicate_of UUID REFERENCES reports_report (id);
CREATE INDEX reports_report_nearby ON reports_report (partnership_id, category_id, submitted_at) WHERE closed_at IS NULL;
