CREATE TABLE partners_person (
    id               UUID PRIMARY KEY,
    partnership_id   UUID         NOT NULL REFERENCES partners_partnership (id),
    organisation_id  UUID         NOT NULL REFERENCES partners_organisation (id),
    salutation       VARCHAR(40),
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100) NOT NULL,
    function         VARCHAR(200),
    phone            VARCHAR(60),
    mobile           VARCHAR(60),
    email            VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX partners_person_by_organisation ON partners_person (organisation_id);
CREATE INDEX partners_person_by_name ON partners_person (partnership_id, lower(last_name), lower(first_name));

-- Districts a person is the contact for (e.g. the Bezirksdienst officer of a district).
CREATE TABLE partners_person_district (
    person_id    UUID NOT NULL REFERENCES partners_person (id) ON DELETE CASCADE,
    district_id  UUID NOT NULL REFERENCES partners_district (id),
    PRIMARY KEY (person_id, district_id)
);

CREATE TABLE partners_body (
    id              UUID PRIMARY KEY,
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(200) NOT NULL,
    short_name      VARCHAR(20)  NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    description     VARCHAR(2000),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partners_body_name_unique ON partners_body (partnership_id, lower(name));

CREATE TABLE partners_membership (
    id              UUID PRIMARY KEY,
    partnership_id  UUID        NOT NULL REFERENCES partners_partnership (id),
    body_id         UUID        NOT NULL REFERENCES partners_body (id) ON DELETE CASCADE,
    person_id       UUID        NOT NULL REFERENCES partners_person (id) ON DELETE CASCADE,
    role            VARCHAR(20) NOT NULL,
    starts_on       DATE        NOT NULL,
    ends_on         DATE,
    CONSTRAINT partners_membership_period CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX partners_membership_by_body ON partners_membership (body_id);
CREATE INDEX partners_membership_by_person ON partners_membership (person_id);
