-- When a record last changed, for the OParl API's modified_since filter. A trigger keeps updated_at honest for
-- every UPDATE, whichever code path makes it; later migrations reuse the function for their tables.
CREATE FUNCTION sipa_touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE partners_partnership ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE partners_partnership SET updated_at = created_at;
ALTER TABLE partners_partnership ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();

ALTER TABLE partners_body ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE partners_body SET updated_at = created_at;
ALTER TABLE partners_body ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();

ALTER TABLE partners_membership ADD COLUMN created_at TIMESTAMPTZ;
ALTER TABLE partners_membership ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE partners_membership m SET created_at = p.created_at, updated_at = p.created_at
  FROM partners_person p WHERE p.id = m.person_id;
ALTER TABLE partners_membership ALTER COLUMN created_at SET NOT NULL, ALTER COLUMN created_at SET DEFAULT now(),
                                ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now();

CREATE TRIGGER partners_partnership_touch BEFORE UPDATE ON partners_partnership
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();
CREATE TRIGGER partners_body_touch BEFORE UPDATE ON partners_body
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();
CREATE TRIGGER partners_membership_touch BEFORE UPDATE ON partners_membership
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();
CREATE TRIGGER partners_person_touch BEFORE UPDATE ON partners_person
    FOR EACH ROW EXECUTE FUNCTION sipa_touch_updated_at();
