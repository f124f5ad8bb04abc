-- Outgoing e-mail, written in the transaction of what caused it and delivered by a background job, so that
-- no mail is lost when the mail server is down and none is sent for a change that was rolled back.
CREATE TABLE notifications_mail (
    id               UUID PRIMARY KEY,
    partnership_id   UUID          NOT NULL REFERENCES partners_partnership (id),
    recipient        VARCHAR(200)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body             TEXT          NOT NULL,
    attachment_name  VARCHAR(200),
    attachment_type  VARCHAR(100),
    attachment       BYTEA,
    dedup_key        VARCHAR(300)  UNIQUE,
    created_at       TIMESTAMPTZ   NOT NULL,
    sent_at          TIMESTAMPTZ,
    attempts         INT           NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000)
);
CREATE INDEX notifications_mail_pending ON notifications_mail (created_at) WHERE sent_at IS NULL;
CREATE INDEX notifications_mail_by_partnership ON notifications_mail (partnership_id, created_at DESC);
