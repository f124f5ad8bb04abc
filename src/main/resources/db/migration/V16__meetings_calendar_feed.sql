-- The secret of each account's calendar feed (subscribed in Outlook, Thunderbird or on the phone).
CREATE TABLE meetings_calendar_feed (
    account_id      UUID PRIMARY KEY REFERENCES identity_account (id),
    token           UUID         NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL
);
