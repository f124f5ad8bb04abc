-- One row per scheduled job: the instance holding it runs the job, the others skip that run (ShedLock).
-- TIMESTAMP without zone as ShedLock writes it with the database's UTC clock.
CREATE TABLE database_shedlock (
    name        VARCHAR(64)  PRIMARY KEY,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
