-- People leave; their history stays. An archived person is kept (patrol duties, attendance, minutes and memberships
-- still name them) but no longer listed in the directory or offered for new work.
ALTER TABLE partners_person ADD COLUMN archived_at TIMESTAMPTZ;
