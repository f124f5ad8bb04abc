-- OParl's modified must change whenever what an object shows changes, so that clients syncing with modified_since
-- see every change (issue #20). V26, V32 and V35 touch a record when it changes itself; these triggers touch the
-- objects that show it: a person and an organisation show their memberships, an agenda item its decisions, a
-- meeting its attendance (participants) and minutes, and public agenda items their number among the public ones.

-- A membership added, changed, ended or removed: the person (who may become public through a first seat) and the
-- body (Organization.membership) change. When the person or body itself is being deleted the UPDATE finds nothing.
CREATE FUNCTION partners_membership_touches() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE partners_person SET updated_at = now() WHERE id = OLD.person_id;
        UPDATE partners_body SET updated_at = now() WHERE id = OLD.body_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE partners_person SET updated_at = now() WHERE id = NEW.person_id;
        UPDATE partners_body SET updated_at = now() WHERE id = NEW.body_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER partners_membership_touches_holders AFTER INSERT OR UPDATE OR DELETE ON partners_membership
    FOR EACH ROW EXECUTE FUNCTION partners_membership_touches();

-- A decision taken, changed or withdrawn: its agenda item (result, resolutionText, consultation) changes; the item's
-- own touch trigger passes it on to the meeting.
CREATE FUNCTION meetings_decision_touches_item() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.agenda_item_id IS NOT NULL THEN
        UPDATE meetings_agenda_item SET updated_at = now() WHERE id = OLD.agenda_item_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.agenda_item_id IS NOT NULL THEN
        UPDATE meetings_agenda_item SET updated_at = now() WHERE id = NEW.agenda_item_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER meetings_decision_touches_agenda_item AFTER INSERT OR UPDATE OR DELETE ON meetings_decision
    FOR EACH ROW EXECUTE FUNCTION meetings_decision_touches_item();

-- A decision's Paper and Consultation show its wording and vote: they need a modified of their own.
ALTER TABLE meetings_decision ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE meetings_decision SET updated_at = decided_at;
ALTER TABLE meetings_decision ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();
CREATE TRIGGER meetings_decision_touch BEFORE UPDATE ON meetings_decision
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();

-- Attendance (participant) and minutes (resultsProtocol) are shown by the meeting; material changed in place too.
CREATE TRIGGER meetings_attendance_touches_meeting AFTER INSERT OR UPDATE OR DELETE ON meetings_attendance
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_meeting();
CREATE TRIGGER meetings_minutes_touches_meeting AFTER INSERT OR UPDATE OR DELETE ON meetings_minutes
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_meeting();
DROP TRIGGER meetings_material_touches_agenda_item ON meetings_material;
CREATE TRIGGER meetings_material_touches_agenda_item AFTER INSERT OR UPDATE OR DELETE ON meetings_material
    FOR EACH ROW EXECUTE FUNCTION meetings_touch_agenda_item();

-- Public agenda items are numbered without gaps (the public must not count the confidential ones): an item added,
-- removed, moved or made (non-)confidential renumbers the public items after it. Touching sets only
-- updated_at, so this trigger (on position and confidential) does not fire again.
CREATE FUNCTION meetings_renumber_public_items() RETURNS trigger AS $$
DECLARE
    meeting UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
    item UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    first INT := CASE TG_OP WHEN 'INSERT' THEN NEW.position WHEN 'DELETE' THEN OLD.position
                            ELSE least(OLD.position, NEW.position) END;
BEGIN
    UPDATE meetings_agenda_item SET updated_at = now()
     WHERE meeting_id = meeting AND id <> item AND position > first AND NOT confidential;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER meetings_agenda_item_renumbers AFTER INSERT OR DELETE OR UPDATE OF position, confidential
    ON meetings_agenda_item FOR EACH ROW EXECUTE FUNCTION meetings_renumber_public_items();
