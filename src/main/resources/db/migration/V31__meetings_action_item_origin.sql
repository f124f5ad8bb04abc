-- Action items may come from elsewhere than a meeting (e.g. an event's debrief); they then name their origin.
ALTER TABLE meetings_action_item ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE meetings_action_item ADD COLUMN origin_label VARCHAR(300);
ALTER TABLE meetings_action_item ADD COLUMN origin_link VARCHAR(500);
ALTER TABLE meetings_action_item ADD CONSTRAINT meetings_action_item_origin
    CHECK (meeting_id IS NOT NULL OR (origin_label IS NOT NULL AND origin_link IS NOT NULL));
