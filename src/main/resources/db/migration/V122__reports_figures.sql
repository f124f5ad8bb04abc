-- The contact point's figures, kept per day as reports arrive and change, for the start pages, the yearly goals, the
-- district profiles, the network's roll-up and the open data. Counting them from the reports took seconds on the
-- steering group's start page with a million reports (twelve months by category: 550,000 reports per view).
--   reports_day_figures     per day of arrival, category and district (none: NULL): the reports received (not
--                           waiting for moderation), of those routed straight to an organisation that kept them
--                           (V117), and of those closed after their deadline
--   reports_closing_figures per day of closing: the reports closed, by their time to close in tenths of a day
--                           (rounded up: 1 = up to 2.4 hours), so that "up to N days" classes and the median to a
--                           tenth of a day are exact
--   reports_answer_figures  per day of arrival: the reports by the day of their first answer (none yet: NULL) and
--                           whether the answer came at or before the time of day the report arrived, which is all the
--                           goal "answered within N working days" needs: the due moment is N working days after
--                           arrival at the same time of day
-- The keys include the counts, so that reading a year of figures touches the index only (twelve months by category:
-- 34 -> 16 ms over a million reports). Days are local days in the installation's time zone (reports_figures_zone,
-- sipa.time-zone; FiguresZone counts the figures again when that setting changes).
-- A trigger keeps them, whatever path writes a report (the contact point, Open311, the demo, imports, retention), by
-- adding a change line (+1, or -1 and +1 for a change) to the *_change tables: no report waits for another's counter
-- row (all reports of a day waited for one row of reports_answer_figures until the other committed: POST 485 -> 296/s).
-- ReportJobs folds the change lines into the figures every few seconds; the *_now views read both, so a figure is
-- exact at any moment. SECURITY DEFINER: the app may read the figures, not write them.
CREATE TABLE reports_figures_zone (
    zone TEXT NOT NULL
);
INSERT INTO reports_figures_zone (zone) VALUES ('Europe/Berlin');

CREATE TABLE reports_day_figures (
    partnership_id UUID    NOT NULL REFERENCES partners_partnership (id),
    day            DATE    NOT NULL,
    category_id    UUID    NOT NULL,
    district_id    UUID,
    received       INTEGER NOT NULL,
    direct         INTEGER NOT NULL,
    closed_late    INTEGER NOT NULL,
    CONSTRAINT reports_day_figures_key UNIQUE NULLS NOT DISTINCT (partnership_id, day, category_id, district_id)
        INCLUDE (received, direct, closed_late)
);

CREATE TABLE reports_closing_figures (
    partnership_id UUID    NOT NULL REFERENCES partners_partnership (id),
    day            DATE    NOT NULL,
    tenths         INTEGER NOT NULL,
    closed         INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, day, tenths) INCLUDE (closed)
);

CREATE TABLE reports_answer_figures (
    partnership_id  UUID    NOT NULL REFERENCES partners_partnership (id),
    day             DATE    NOT NULL,
    answered_day    DATE,
    answered_by_time BOOLEAN,
    reports         INTEGER NOT NULL,
    CONSTRAINT reports_answer_figures_key UNIQUE NULLS NOT DISTINCT (partnership_id, day, answered_day, answered_by_time)
        INCLUDE (reports)
);

CREATE TABLE reports_day_figures_change (LIKE reports_day_figures);
CREATE INDEX reports_day_figures_change_day ON reports_day_figures_change (partnership_id, day);
CREATE TABLE reports_closing_figures_change (LIKE reports_closing_figures);
CREATE INDEX reports_closing_figures_change_day ON reports_closing_figures_change (partnership_id, day);
CREATE TABLE reports_answer_figures_change (LIKE reports_answer_figures);
CREATE INDEX reports_answer_figures_change_day ON reports_answer_figures_change (partnership_id, day);

-- What the app reads: the figures with the change lines not folded yet, under the reader's row-level security.
CREATE VIEW reports_day_figures_now WITH (security_invoker = true) AS
    SELECT * FROM reports_day_figures UNION ALL SELECT * FROM reports_day_figures_change;
CREATE VIEW reports_closing_figures_now WITH (security_invoker = true) AS
    SELECT * FROM reports_closing_figures UNION ALL SELECT * FROM reports_closing_figures_change;
CREATE VIEW reports_answer_figures_now WITH (security_invoker = true) AS
    SELECT * FROM reports_answer_figures UNION ALL SELECT * FROM reports_answer_figures_change;

-- Row-level security as in V90.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['reports_day_figures', 'reports_closing_figures', 'reports_answer_figures',
                             'reports_day_figures_change', 'reports_closing_figures_change',
                             'reports_answer_figures_change'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format($p$
            CREATE POLICY tenant ON %I
                USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                       OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
                WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                       OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))$p$, t);
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'sipa_app') THEN
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM sipa_app', t);
        END IF;
    END LOOP;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'sipa_app') THEN
        REVOKE INSERT, UPDATE, DELETE ON reports_figures_zone FROM sipa_app;
    END IF;
END
$$;

-- Adds (sign 1) or takes away (sign -1) one report's part of the figures, as change lines.
CREATE FUNCTION reports_count_report(r reports_report, zone TEXT, sign INTEGER, days BOOLEAN, closing BOOLEAN,
                                     answers BOOLEAN) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF days AND r.status <> 'MODERATION' THEN
        INSERT INTO reports_day_figures_change (partnership_id, day, category_id, district_id, received, direct,
                                                closed_late)
        VALUES (r.partnership_id, (r.submitted_at AT TIME ZONE zone)::date, r.category_id, r.district_id, sign,
                CASE WHEN r.routed_to_organisation AND NOT r.rerouted THEN sign ELSE 0 END,
                CASE WHEN r.closed_at > r.deadline THEN sign ELSE 0 END);
    END IF;
    IF closing AND r.closed_at IS NOT NULL THEN
        INSERT INTO reports_closing_figures_change (partnership_id, day, tenths, closed)
        VALUES (r.partnership_id, (r.closed_at AT TIME ZONE zone)::date,
                ceil(extract(epoch FROM r.closed_at - r.submitted_at) / 8640)::integer, sign);
    END IF;
    IF answers AND r.status <> 'MODERATION' THEN
        INSERT INTO reports_answer_figures_change (partnership_id, day, answered_day, answered_by_time, reports)
        VALUES (r.partnership_id, (r.submitted_at AT TIME ZONE zone)::date,
                (r.first_response_at AT TIME ZONE zone)::date,
                (r.first_response_at AT TIME ZONE zone)::time <= (r.submitted_at AT TIME ZONE zone)::time, sign);
    END IF;
END
$$;

-- Moves the change lines into the figures. A change line written by a transaction still running stays for the next
-- fold; a reader sees the lines before or after a fold, never both or neither.
CREATE FUNCTION reports_figures_fold() RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    LOCK TABLE reports_figures_zone IN SHARE MODE;  -- not while the figures are counted again
    WITH moved AS (DELETE FROM reports_day_figures_change RETURNING *)
    INSERT INTO reports_day_figures AS f (partnership_id, day, category_id, district_id, received, direct, closed_late)
    SELECT partnership_id, day, category_id, district_id, sum(received), sum(direct), sum(closed_late)
    FROM moved GROUP BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT reports_day_figures_key DO UPDATE
        SET received = f.received + excluded.received, direct = f.direct + excluded.direct,
            closed_late = f.closed_late + excluded.closed_late;
    WITH moved AS (DELETE FROM reports_closing_figures_change RETURNING *)
    INSERT INTO reports_closing_figures AS f (partnership_id, day, tenths, closed)
    SELECT partnership_id, day, tenths, sum(closed) FROM moved GROUP BY 1, 2, 3
    ON CONFLICT (partnership_id, day, tenths) DO UPDATE SET closed = f.closed + excluded.closed;
    WITH moved AS (DELETE FROM reports_answer_figures_change RETURNING *)
    INSERT INTO reports_answer_figures AS f (partnership_id, day, answered_day, answered_by_time, reports)
    SELECT partnership_id, day, answered_day, answered_by_time, sum(reports) FROM moved GROUP BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT reports_answer_figures_key DO UPDATE SET reports = f.reports + excluded.reports;
END
$$;

CREATE FUNCTION reports_note_figures() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    zone TEXT := (SELECT z.zone FROM reports_figures_zone z);
    days BOOLEAN := TRUE;
    closing BOOLEAN := TRUE;
    answers BOOLEAN := TRUE;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- only the figures whose part of the report changed
        days := (OLD.partnership_id, OLD.submitted_at, OLD.category_id, OLD.status = 'MODERATION',
                 OLD.routed_to_organisation AND NOT OLD.rerouted, coalesce(OLD.closed_at > OLD.deadline, FALSE))
                IS DISTINCT FROM
                (NEW.partnership_id, NEW.submitted_at, NEW.category_id, NEW.status = 'MODERATION',
                 NEW.routed_to_organisation AND NOT NEW.rerouted, coalesce(NEW.closed_at > NEW.deadline, FALSE))
                OR OLD.district_id IS DISTINCT FROM NEW.district_id;
        closing := (OLD.partnership_id, OLD.submitted_at, OLD.closed_at)
                   IS DISTINCT FROM (NEW.partnership_id, NEW.submitted_at, NEW.closed_at);
        answers := (OLD.partnership_id, OLD.submitted_at, OLD.status = 'MODERATION', OLD.first_response_at)
                   IS DISTINCT FROM (NEW.partnership_id, NEW.submitted_at, NEW.status = 'MODERATION',
                                     NEW.first_response_at);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM reports_count_report(OLD, zone, -1, days, closing, answers);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM reports_count_report(NEW, zone, 1, days, closing, answers);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER reports_report_figures AFTER INSERT OR UPDATE OR DELETE ON reports_report
    FOR EACH ROW EXECUTE FUNCTION reports_note_figures();

-- Counts every report again, in the given zone: for this migration, for a change of sipa.time-zone and for data
-- written with the trigger off (the benchmark's generator).
CREATE FUNCTION reports_figures_rebuild(new_zone TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    LOCK TABLE reports_figures_zone IN EXCLUSIVE MODE;  -- two instances starting with a new zone: one after the other
    LOCK TABLE reports_report IN SHARE MODE;
    UPDATE reports_figures_zone SET zone = new_zone;
    DELETE FROM reports_day_figures;
    DELETE FROM reports_closing_figures;
    DELETE FROM reports_answer_figures;
    DELETE FROM reports_day_figures_change;
    DELETE FROM reports_closing_figures_change;
    DELETE FROM reports_answer_figures_change;
    INSERT INTO reports_day_figures (partnership_id, day, category_id, district_id, received, direct, closed_late)
    SELECT partnership_id, (submitted_at AT TIME ZONE new_zone)::date, category_id, district_id, count(*),
           count(*) FILTER (WHERE routed_to_organisation AND NOT rerouted),
           count(*) FILTER (WHERE closed_at > deadline)
    FROM reports_report WHERE status <> 'MODERATION' GROUP BY 1, 2, 3, 4;
    INSERT INTO reports_closing_figures (partnership_id, day, tenths, closed)
    SELECT partnership_id, (closed_at AT TIME ZONE new_zone)::date,
           ceil(extract(epoch FROM closed_at - submitted_at) / 8640)::integer, count(*)
    FROM reports_report WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO reports_answer_figures (partnership_id, day, answered_day, answered_by_time, reports)
    SELECT partnership_id, (submitted_at AT TIME ZONE new_zone)::date, (first_response_at AT TIME ZONE new_zone)::date,
           (first_response_at AT TIME ZONE new_zone)::time <= (submitted_at AT TIME ZONE new_zone)::time, count(*)
    FROM reports_report WHERE status <> 'MODERATION' GROUP BY 1, 2, 3, 4;
END
$$;

SELECT reports_figures_rebuild('Europe/Berlin');
