-- Mail delivery claims a mail for a while (claim, commit, send, mark): no row lock is held while the mail server
-- talks, and a mail whose instance died between sending and marking is sent again once the claim expires.
ALTER TABLE notifications_mail ADD COLUMN claimed_until TIMESTAMPTZ;
