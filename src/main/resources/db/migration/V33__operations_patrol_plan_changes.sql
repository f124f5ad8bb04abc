-- A plan changed for the future cancels a booked patrol whose time changes and creates the new one on the same day:
-- only one patrol of a plan per day may still take place, cancelled ones stay beside it (their bookings show who was
-- told).
ALTER TABLE operations_patrol DROP CONSTRAINT operations_patrol_once_a_day;
CREATE UNIQUE INDEX operations_patrol_once_a_day ON operations_patrol (plan_id, day) WHERE NOT cancelled;
