-- The safety concept of a place (Sicherheitskonzept): its goals, its measures with the responsible organisation, cost,
-- period and status, and the links of measures to decisions, action items, topics of the matrix, patrol areas and
-- patrol plans, and of places to agenda items. The linked records live in other modules; only their ids are kept here,
-- so their titles are read through those modules' APIs with the reader's rights.
CREATE TABLE places_goal (
    place_id        UUID         NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    text            VARCHAR(500) NOT NULL,
    PRIMARY KEY (place_id, position)
);

CREATE TABLE places_measure (
    id               UUID PRIMARY KEY,
    partnership_id   UUID         NOT NULL REFERENCES partners_partnership (id),
    place_id         UUID         NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    kind             VARCHAR(20)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    description      TEXT         NOT NULL,
    legal_basis      VARCHAR(300),
    organisation_id  UUID         NOT NULL REFERENCES partners_organisation (id),
    cost_euros       BIGINT,
    starts_on        DATE,
    ends_on          DATE,
    status           VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT places_measure_kind CHECK (kind IN ('LIGHTING', 'PRESENCE', 'DESIGN', 'CLEANING', 'SOCIAL_WORK',
        'VIDEO', 'COMMUNICATION', 'OTHER')),
    CONSTRAINT places_measure_status CHECK (status IN ('PLANNED', 'RUNNING', 'DONE', 'DROPPED')),
    CONSTRAINT places_measure_video CHECK (kind <> 'VIDEO' OR legal_basis IS NOT NULL),
    CONSTRAINT places_measure_cost CHECK (cost_euros IS NULL OR cost_euros >= 0),
    CONSTRAINT places_measure_period CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX places_measure_place_idx ON places_measure (partnership_id, place_id);

-- meeting_id: the meeting a decision or action item was taken in, so its title is read from the meeting's records.
CREATE TABLE places_measure_link (
    id          UUID PRIMARY KEY,
    measure_id  UUID        NOT NULL REFERENCES places_measure (id) ON DELETE CASCADE,
    kind        VARCHAR(20) NOT NULL,
    target      UUID        NOT NULL,
    meeting_id  UUID,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT places_measure_link_kind CHECK (kind IN ('DECISION', 'ACTION_ITEM', 'TOPIC', 'PATROL_AREA',
        'PATROL_PLAN')),
    CONSTRAINT places_measure_link_once UNIQUE (measure_id, kind, target)
);

CREATE TABLE places_agenda_link (
    id           UUID PRIMARY KEY,
    place_id     UUID        NOT NULL REFERENCES places_place (id) ON DELETE CASCADE,
    meeting_id   UUID        NOT NULL,
    agenda_item  UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT places_agenda_link_once UNIQUE (place_id, agenda_item)
);
