-- A patrol's observation keeps the answers to its category's extra questions (drugs: what was seen; alcohol: how
-- many people), so that it can become a report of the contact point, which requires them.
ALTER TABLE operations_patrol_observation ADD COLUMN attributes JSONB NOT NULL DEFAULT '{}';
