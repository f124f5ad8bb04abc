-- Volunteer offers (Ehrenamtsangebote) of a partnership and the citizens who sign up for them. A sign-up is
-- confirmed by a link mailed to the citizen (double opt-in; only the SHA-256 hash of the link's token is stored and
-- it is cleared once used); an unconfirmed one is deleted after 48 hours. A while after the engagement ended, the
-- volunteers' personal data are cleared (anonymised_at): status and hours stay as anonymous figures.
CREATE TABLE volunteers_offer (
    id                UUID PRIMARY KEY,
    partnership_id    UUID          NOT NULL REFERENCES partners_partnership (id),
    title             VARCHAR(200)  NOT NULL,
    description       VARCHAR(4000) NOT NULL,
    schedule          VARCHAR(300)  NOT NULL,
    location          VARCHAR(300)  NOT NULL,
    time_commitment   VARCHAR(200)  NOT NULL,
    people_wanted     INT           NOT NULL,
    contact_person_id UUID          NOT NULL REFERENCES partners_person (id),
    project_title     VARCHAR(200),
    status            VARCHAR(10)   NOT NULL,
    engagement_ends   DATE          NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    changed_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT volunteers_offer_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    CONSTRAINT volunteers_offer_people CHECK (people_wanted BETWEEN 1 AND 1000)
);

CREATE INDEX volunteers_offer_partnership_idx ON volunteers_offer (partnership_id, status);
CREATE INDEX volunteers_offer_ends_idx ON volunteers_offer (engagement_ends);

CREATE TABLE volunteers_sign_up (
    id              UUID PRIMARY KEY,
    partnership_id  UUID          NOT NULL REFERENCES partners_partnership (id),
    offer_id        UUID          NOT NULL REFERENCES volunteers_offer (id) ON DELETE CASCADE,
    name            VARCHAR(200),
    email           VARCHAR(254),
    phone           VARCHAR(40),
    message         VARCHAR(1000),
    token_hash      CHAR(64),
    status          VARCHAR(12)   NOT NULL,
    assignment      VARCHAR(300),
    hours           NUMERIC(7, 1) NOT NULL DEFAULT 0,
    consented_at    TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    thanked_at      TIMESTAMPTZ,
    anonymised_at   TIMESTAMPTZ,
    CONSTRAINT volunteers_sign_up_status
        CHECK (status IN ('UNCONFIRMED', 'CONFIRMED', 'ACCEPTED', 'ASSIGNED', 'DECLINED')),
    CONSTRAINT volunteers_sign_up_hours CHECK (hours >= 0)
);

CREATE INDEX volunteers_sign_up_offer_idx ON volunteers_sign_up (offer_id, created_at);
CREATE UNIQUE INDEX volunteers_sign_up_token_idx ON volunteers_sign_up (token_hash);
CREATE INDEX volunteers_sign_up_unconfirmed_idx ON volunteers_sign_up (created_at) WHERE status = 'UNCONFIRMED';
