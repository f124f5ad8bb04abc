-- The chair's office (Geschäftsstelle) of a partnership: the mailbox that organises its meetings' invitations
-- (iCalendar ORGANIZER). Without one, the e-mail of the coordination's own organisation is used, then the
-- installation's sender address. SiPa reads no replies to invitations, so none are asked for (no RSVP=TRUE).
CREATE TABLE meetings_office_mailbox (
    partnership_id  UUID          PRIMARY KEY REFERENCES partners_partnership (id),
    email           VARCHAR(200)  NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

-- Due-date events of action items and patrol events in the subscribed calendars carry a SEQUENCE and a
-- LAST-MODIFIED that rise whenever what the event shows changes (RFC 5545 §3.8.7.4).
ALTER TABLE meetings_action_item ADD COLUMN sequence INT NOT NULL DEFAULT 0;
ALTER TABLE meetings_action_item ADD COLUMN modified_at TIMESTAMPTZ;
UPDATE meetings_action_item SET modified_at = created_at;
ALTER TABLE meetings_action_item ALTER COLUMN modified_at SET NOT NULL, ALTER COLUMN modified_at SET DEFAULT now();

ALTER TABLE operations_patrol ADD COLUMN sequence INT NOT NULL DEFAULT 0;
ALTER TABLE operations_patrol ADD COLUMN modified_at TIMESTAMPTZ NOT NULL DEFAULT now();
