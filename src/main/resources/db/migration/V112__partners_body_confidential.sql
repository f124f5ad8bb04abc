-- A body may be confidential (vertraulich / nicht öffentlich), e.g. a case conference on named young offenders: the
-- public website, its feeds and the OParl API leave it out, with its members and meetings. Bodies are public unless
-- the coordination marks them so.
ALTER TABLE partners_body ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
