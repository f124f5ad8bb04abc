-- A person may work for a second organisation of the partnership besides their own (a police officer seconded
-- to the city's security coordination). Their own organisation stays the one that maintains them.
CREATE TABLE partners_affiliation (
    person_id       UUID         NOT NULL REFERENCES partners_person (id) ON DELETE CASCADE,
    organisation_id UUID         NOT NULL REFERENCES partners_organisation (id),
    partnership_id  UUID         NOT NULL REFERENCES partners_partnership (id),
    function        VARCHAR(200),
    starts_on       DATE         NOT NULL,
    PRIMARY KEY (person_id, organisation_id)
);

CREATE INDEX partners_affiliation_organisation ON partners_affiliation (organisation_id);
