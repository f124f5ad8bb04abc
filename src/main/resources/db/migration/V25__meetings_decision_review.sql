-- A decision that changes responsibilities names the responsibility review (Aufgabenkritik) that carries it out.
ALTER TABLE meetings_decision ADD COLUMN review_id UUID REFERENCES responsibilities_review (id);
