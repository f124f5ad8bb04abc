-- What was once public and is gone: OParl keeps deleted objects under their URL ("deleted": true) so that clients
-- syncing with modified_since learn of the deletion. Written by triggers, whichever code path deletes. A person is
-- public while holding a seat in a body: losing the last one unpublishes them, a new seat publishes them again.
CREATE TABLE partners_tombstone (
    partnership_id  UUID         NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    id              UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    deleted_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);
CREATE INDEX partners_tombstone_by_partnership ON partners_tombstone (partnership_id, kind);

CREATE FUNCTION partners_bury() RETURNS trigger AS $$
BEGIN
    INSERT INTO partners_tombstone (partnership_id, kind, id, created_at)
    VALUES (OLD.partnership_id, TG_ARGV[0], OLD.id, OLD.created_at)
    ON CONFLICT (kind, id) DO NOTHING;
    -- The person's last seat: they are no longer public (unless the person itself is being deleted, see below)
    -- (nested: OLD of a body has no person_id, and plpgsql does not short-circuit AND)
    IF TG_ARGV[0] = 'MEMBERSHIP' THEN
        IF NOT EXISTS (SELECT 1 FROM partners_membership WHERE person_id = OLD.person_id) THEN
            INSERT INTO partners_tombstone (partnership_id, kind, id, created_at)
            SELECT p.partnership_id, 'PERSON', p.id, p.created_at FROM partners_person p WHERE p.id = OLD.person_id
            ON CONFLICT (kind, id) DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Before the delete, while the person's seats still exist: only a person who was public is buried.
CREATE FUNCTION partners_bury_person() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM partners_membership WHERE person_id = OLD.id) THEN
        INSERT INTO partners_tombstone (partnership_id, kind, id, created_at)
        VALUES (OLD.partnership_id, 'PERSON', OLD.id, OLD.created_at)
        ON CONFLICT (kind, id) DO NOTHING;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION partners_republish() RETURNS trigger AS $$
BEGIN
    DELETE FROM partners_tombstone WHERE kind = 'PERSON' AND id = NEW.person_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER partners_body_bury AFTER DELETE ON partners_body
    FOR EACH ROW EXECUTE FUNCTION partners_bury('BODY');
CREATE TRIGGER partners_membership_bury AFTER DELETE ON partners_membership
    FOR EACH ROW EXECUTE FUNCTION partners_bury('MEMBERSHIP');
CREATE TRIGGER partners_person_bury BEFORE DELETE ON partners_person
    FOR EACH ROW EXECUTE FUNCTION partners_bury_person();
CREATE TRIGGER partners_membership_republish AFTER INSERT ON partners_membership
    FOR EACH ROW EXECUTE FUNCTION partners_republish();
