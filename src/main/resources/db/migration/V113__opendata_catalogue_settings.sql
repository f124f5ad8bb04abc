-- The catalogue's metadata for GovData (DCAT-AP.de): the contributor id GovData assigns to a data provider
-- (dcatde:contributorID, an IRI under http://dcat-ap.de/def/contributors/), the publisher (dct:publisher) and a contact
-- point (dcat:contactPoint: a functional mailbox or a contact page, never a person's address). Empty until the
-- coordination enters them; the catalogue then names the partnership as publisher and no contributor id.
ALTER TABLE opendata_setting
    ADD COLUMN contributor_id VARCHAR(300),
    ADD COLUMN publisher_name VARCHAR(200),
    ADD COLUMN publisher_uri  VARCHAR(300),
    ADD COLUMN contact_email  VARCHAR(200),
    ADD COLUMN contact_url    VARCHAR(300);
