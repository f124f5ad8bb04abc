-- The audit trail is tamper-evident: each entry carries the hash of the entry before it in its partnership's chain
-- and its own hash over that and its content. Changing, removing or inserting an entry anywhere but at the end
-- breaks the chain from there on; identity_audit_chain_breaks() finds where.

ALTER TABLE identity_audit_entry
    ADD COLUMN chain_position BIGINT,
    ADD COLUMN previous_hash  CHAR(64),
    ADD COLUMN hash           CHAR(64);

-- The one definition of an entry's hash, used when an entry is written and when the chain is checked.
CREATE FUNCTION identity_audit_entry_hash(previous_hash TEXT, partnership_id UUID, chain_position BIGINT,
        occurred_at TIMESTAMPTZ, actor TEXT, action TEXT, subject_type TEXT, subject_id TEXT, summary TEXT)
    RETURNS CHAR(64) LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31), coalesce(previous_hash, ''), partnership_id::text,
        chain_position::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, action,
        subject_type, coalesce(subject_id, ''), summary), 'UTF8')), 'hex')
$$;

-- Seal what is there, in the order it was written.
ALTER TABLE identity_audit_entry DISABLE TRIGGER identity_audit_entry_no_update;
DO $$
DECLARE
    entry RECORD;
    last_partnership UUID;
    last_hash CHAR(64);
    position BIGINT;
BEGIN
    FOR entry IN SELECT * FROM identity_audit_entry ORDER BY partnership_id, id LOOP
        IF last_partnership IS DISTINCT FROM entry.partnership_id THEN
            last_partnership := entry.partnership_id;
            last_hash := NULL;
            position := 0;
        END IF;
        position := position + 1;
        UPDATE identity_audit_entry SET chain_position = position, previous_hash = last_hash,
            hash = identity_audit_entry_hash(last_hash, entry.partnership_id, position, entry.occurred_at,
                entry.actor, entry.action, entry.subject_type, entry.subject_id, entry.summary)
        WHERE id = entry.id
        RETURNING hash INTO last_hash;
    END LOOP;
END $$;
ALTER TABLE identity_audit_entry ENABLE TRIGGER identity_audit_entry_no_update;

ALTER TABLE identity_audit_entry
    ALTER COLUMN chain_position SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT identity_audit_entry_chain_unique UNIQUE (partnership_id, chain_position);

-- Every new entry joins the end of its partnership's chain. The advisory lock orders concurrent writers of one
-- partnership; after it, the query for the last entry sees the one a writer before has committed (a function's
-- query takes a new snapshot under READ COMMITTED). The unique constraint refuses a fork should it ever not.
CREATE FUNCTION identity_audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('identity_audit_entry ' || NEW.partnership_id::text, 0));
    SELECT chain_position, hash INTO last FROM identity_audit_entry
    WHERE partnership_id = NEW.partnership_id ORDER BY chain_position DESC LIMIT 1;
    NEW.chain_position := coalesce(last.chain_position, 0) + 1;
    NEW.previous_hash := last.hash;
    NEW.hash := identity_audit_entry_hash(NEW.previous_hash, NEW.partnership_id, NEW.chain_position,
        NEW.occurred_at, NEW.actor, NEW.action, NEW.subject_type, NEW.subject_id, NEW.summary);
    RETURN NEW;
END;
$$;
CREATE TRIGGER identity_audit_entry_chain BEFORE INSERT ON identity_audit_entry
    FOR EACH ROW EXECUTE FUNCTION identity_audit_entry_chain();

-- The entries where a chain is broken: a hash that does not match the content, or a link to anything but the
-- entry before. Run as SELECT * FROM identity_audit_chain_breaks(); no rows means every chain is intact.
CREATE FUNCTION identity_audit_chain_breaks()
    RETURNS TABLE (partnership_id UUID, chain_position BIGINT, entry_id BIGINT, problem TEXT)
    LANGUAGE sql STABLE AS $$
    SELECT e.partnership_id, e.chain_position, e.id,
           CASE WHEN e.hash IS DISTINCT FROM identity_audit_entry_hash(e.previous_hash, e.partnership_id,
                     e.chain_position, e.occurred_at, e.actor, e.action, e.subject_type, e.subject_id, e.summary)
                THEN 'content changed'
                WHEN e.chain_position <> e.expected_position THEN 'entry missing before this one'
                ELSE 'link to the entry before changed' END
    FROM (SELECT a.*, lag(a.hash) OVER w AS before, row_number() OVER w AS expected_position
          FROM identity_audit_entry a WINDOW w AS (PARTITION BY a.partnership_id ORDER BY a.chain_position)) e
    WHERE e.hash IS DISTINCT FROM identity_audit_entry_hash(e.previous_hash, e.partnership_id, e.chain_position,
              e.occurred_at, e.actor, e.action, e.subject_type, e.subject_id, e.summary)
       OR e.previous_hash IS DISTINCT FROM e.before
       OR e.chain_position <> e.expected_position
    ORDER BY e.partnership_id, e.chain_position
$$;
