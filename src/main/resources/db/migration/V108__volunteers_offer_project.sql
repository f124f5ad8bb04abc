-- A volunteer offer belongs to a prevention project of its partnership by a link instead of the project's title as
-- free text. The key includes the partnership (V102): an offer cannot name another partnership's project. A project
-- that is deleted leaves its offers without one.
ALTER TABLE volunteers_offer ADD COLUMN project_id UUID;
ALTER TABLE volunteers_offer ADD CONSTRAINT volunteers_offer_project_fk FOREIGN KEY (partnership_id, project_id)
    REFERENCES prevention_project (partnership_id, id) ON DELETE SET NULL (project_id);
CREATE INDEX volunteers_offer_project_idx ON volunteers_offer (partnership_id, project_id) WHERE project_id IS NOT NULL;

-- The titles written so far become links where the partnership has a project of that title; a title that names
-- none stays readable at the end of the offer's description, so nothing typed is lost.
UPDATE volunteers_offer o SET project_id = p.id
FROM prevention_project p
WHERE p.partnership_id = o.partnership_id AND p.title = btrim(o.project_title);

UPDATE volunteers_offer SET description = left(description || E'\n\nProjekt: ' || btrim(project_title), 4000)
WHERE project_id IS NULL AND btrim(coalesce(project_title, '')) <> '';

ALTER TABLE volunteers_offer DROP COLUMN project_title;
