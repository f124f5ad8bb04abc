-- Tenancy enforced by PostgreSQL as well as by every query's "partnership_id = ?": each table with a partnership_id
-- shows and accepts only the rows of the partnership the app names per connection (identity.TenantConnections sets
-- sipa.partnership), or of all partnerships where the work is not one partnership's (sipa.all_partnerships = 'on':
-- public pages, Open311, logins, jobs that walk all partnerships). The policies bind every role but the tables' owner
-- (who runs these migrations) and superusers: the app connects as sipa_app, which owns nothing and cannot bypass them.
-- The settings are read in sub-selects, which PostgreSQL evaluates once per query instead of once per row.
-- A new table with a partnership_id needs the same policy: RowLevelSecurityTests fails until it has one.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sipa_app') THEN
        BEGIN
            CREATE ROLE sipa_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'The role sipa_app could not be created: create it (docs/operations.md) and grant it access';
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'sipa_app') THEN
        GRANT USAGE ON SCHEMA public TO sipa_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sipa_app;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO sipa_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sipa_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO sipa_app;
    END IF;
END
$$;

DO $$
DECLARE
    tenant_table RECORD;
BEGIN
    FOR tenant_table IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'partnership_id' AND t.table_type = 'BASE TABLE'
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table.table_name);
        EXECUTE format($policy$
            CREATE POLICY tenant ON %I
            USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            $policy$, tenant_table.table_name);
    END LOOP;
END
$$;

-- User names are unique in the whole installation: whether one is taken is answered across partnerships, and only that.
CREATE FUNCTION sipa_username_taken(candidate TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT EXISTS (SELECT 1 FROM identity_account WHERE lower(username) = lower(candidate)) $$;
