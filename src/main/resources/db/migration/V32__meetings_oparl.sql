-- Timestamps and orderings for the public OParl API. Agenda items are published inside their meeting, their
-- files inside the agenda item: a change below touches the parent, so modified_since finds the meeting.
ALTER TABLE meetings_agenda_item ADD COLUMN created_at TIMESTAMPTZ;
ALTER TABLE meetings_agenda_item ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE meetings_agenda_item a SET created_at = m.created_at, updated_at = m.updated_at
  FROM meetings_meeting m WHERE m.id = a.meeting_id;
ALTER TABLE meetings_agenda_item ALTER COLUMN created_at SET NOT NULL, ALTER COLUMN created_at SET DEFAULT now(),
                                 ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();

CREATE TRIGGER meetings_agenda_item_touch BEFORE UPDATE ON meetings_agenda_item
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();

CREATE FUNCTION meetings_touch_meeting() RETURNS trigger AS $$
BEGIN
    UPDATE meetings_meeting SET updated_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER meetings_agenda_item_touches_meeting AFTER INSERT OR UPDATE OR DELETE ON meetings_agenda_item
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_meeting();
CREATE TRIGGER meetings_decision_touches_meeting AFTER INSERT OR UPDATE OR DELETE ON meetings_decision
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_meeting();

CREATE FUNCTION meetings_touch_agenda_item() RETURNS trigger AS $$
BEGIN
    UPDATE meetings_agenda_item SET updated_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.agenda_item_id ELSE NEW.agenda_item_id END;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER meetings_material_touches_agenda_item AFTER INSERT OR DELETE ON meetings_material
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_agenda_item();

-- Lists are walked in a stable order (created, id) with a cursor; these indexes serve order and filters.
CREATE INDEX meetings_meeting_published ON meetings_meeting (partnership_id, created_at, id);
CREATE INDEX meetings_agenda_item_published ON meetings_agenda_item (created_at, id);
CREATE INDEX meetings_decision_published ON meetings_decision (partnership_id, decided_at, id);
CREATE INDEX meetings_decision_by_agenda_item ON meetings_decision (agenda_item_id);
CREATE INDEX meetings_material_published ON meetings_material (uploaded_at, id);
