CREATE TABLE identity_account (
    id               UUID PRIMARY KEY,
    partnership_id   UUID         NOT NULL REFERENCES partners_partnership (id),
    organisation_id  UUID         REFERENCES partners_organisation (id),
    username         VARCHAR(100) NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    email            VARCHAR(200),
    password_hash    VARCHAR(200),
    role             VARCHAR(20)  NOT NULL,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT identity_account_organisation_required CHECK (role = 'ADMIN' OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX identity_account_username_unique ON identity_account (lower(username));

-- Failed logins, kept in the database so that throttling holds across all instances behind the load balancer.
CREATE TABLE identity_login_failure (
    id              BIGSERIAL PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    remote_address  VARCHAR(64)  NOT NULL,
    failed_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_login_failure_username ON identity_login_failure (lower(username), failed_at);
CREATE INDEX identity_login_failure_address ON identity_login_failure (remote_address, failed_at);

CREATE TABLE identity_audit_entry (
    id              BIGSERIAL PRIMARY KEY,
    partnership_id  UUID         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(100) NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    subject_type    VARCHAR(60)  NOT NULL,
    subject_id      VARCHAR(60),
    summary         VARCHAR(1000) NOT NULL
);
CREATE INDEX identity_audit_entry_by_partnership ON identity_audit_entry (partnership_id, occurred_at DESC);

-- The audit trail is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION identity_audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'identity_audit_entry is append-only';
END;
$$;
CREATE TRIGGER identity_audit_entry_no_update BEFORE UPDATE OR DELETE ON identity_audit_entry
    FOR EACH ROW EXECUTE FUNCTION identity_audit_entry_append_only();
CREATE TRIGGER identity_audit_entry_no_truncate BEFORE TRUNCATE ON identity_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION identity_audit_entry_append_only();
