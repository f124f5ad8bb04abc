-- Who approved minutes is kept as the approver's display name (up to 200 characters like accounts' names).
ALTER TABLE meetings_minutes ALTER COLUMN approved_by TYPE VARCHAR(200);
