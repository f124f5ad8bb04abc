-- The tenant: every record of SiPa belongs to one partnership.
CREATE TABLE partners_partnership (
    id          UUID PRIMARY KEY,
    slug        VARCHAR(60)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE partners_district (
    id              UUID PRIMARY KEY,
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(120) NOT NULL,
    position        INT          NOT NULL,
    boundary        JSONB,
    CONSTRAINT partners_district_name_unique UNIQUE (partnership_id, name)
);

CREATE TABLE partners_organisation (
    id              UUID PRIMARY KEY,
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    street          VARCHAR(200),
    postal_code     VARCHAR(10),
    city            VARCHAR(120),
    phone           VARCHAR(60),
    email           VARCHAR(200),
    on_duty_phone   VARCHAR(60),
    on_duty_note    VARCHAR(500),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partners_organisation_name_unique ON partners_organisation (partnership_id, lower(name));
