-- A status change keeps the new status as a value (pages show its label), no longer as the first word of its note
-- ("IN_PROGRESS", "DONE: Scherben beseitigt"); the note keeps the public note alone.
ALTER TABLE reports_event ADD COLUMN status VARCHAR(20);

UPDATE reports_event
   SET status = split_part(note, ':', 1),
       note = NULLIF(btrim(substr(note, length(split_part(note, ':', 1)) + 2)), '')
 WHERE kind = 'STATUS_CHANGED'
   AND split_part(note, ':', 1) IN ('MODERATION', 'NEW', 'IN_PROGRESS', 'DONE', 'FORWARDED', 'REJECTED');
