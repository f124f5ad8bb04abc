-- Accounts and sessions (issue 18): password changes, reset links, the second factor (TOTP) with recovery codes.
ALTER TABLE identity_account
    ADD COLUMN password_changed_at TIMESTAMPTZ,
    ADD COLUMN totp_secret         VARCHAR(64),
    ADD COLUMN totp_enabled_at     TIMESTAMPTZ;

-- One-time codes for a user who lost the authenticator; stored as hashes, each usable once.
CREATE TABLE identity_recovery_code (
    account_id  UUID        NOT NULL REFERENCES identity_account (id),
    code_hash   VARCHAR(64) NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- Password reset links sent by e-mail: only the SHA-256 of the token is kept; single use, short-lived.
CREATE TABLE identity_password_reset (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES identity_account (id),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX identity_password_reset_by_account ON identity_password_reset (account_id);
-- The time step of the last code used, so that a code works only once (RFC 6238, 5.2).
ALTER TABLE identity_account ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT -1;
