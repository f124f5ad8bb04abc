-- Foreign keys that include the partnership: a row of one partnership can no longer point at a row of another, in
-- PostgreSQL itself and not only through the app's queries and the row-level security of V90 (which a table owner,
-- a restore or a migration does not pass through). Every foreign key from a table with a partnership_id to another
-- table with a partnership_id, (x_id) → (id), becomes (partnership_id, x_id) → (partnership_id, id), keeping its name
-- and its ON DELETE / ON UPDATE actions; each referenced table gets UNIQUE (partnership_id, id) for it.
-- MATCH SIMPLE as before: a row whose x_id is NULL is not checked.
-- On an installation where such a link already crosses two partnerships the migration stops with the constraint and
-- the row (docs/operations.md, "Foreign keys within a partnership"); nothing is changed then.
-- A new table needs its keys written this way: RowLevelSecurityTests fails otherwise. A key that links two
-- partnerships by design (a town and the county network it joins) says so in its comment ('across partnerships: …').
DO $$
DECLARE
    fk RECORD;
    parent_key TEXT;
BEGIN
    FOR fk IN
        SELECT k.oid, k.conname, k.conrelid::regclass AS child, k.confrelid::regclass AS parent, c.relname AS parent_name,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n) AS columns,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n) AS referenced,
               CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT'
                    WHEN 'n' THEN 'SET NULL (' || (SELECT string_agg(quote_ident(a.attname), ', ')
                                                   FROM unnest(k.conkey) u(n)
                                                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n) || ')'
                    ELSE 'NO ACTION' END AS on_delete,
               CASE k.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END AS on_update,
               CASE WHEN k.condeferrable THEN 'DEFERRABLE' ELSE '' END
                   || CASE WHEN k.condeferred THEN ' INITIALLY DEFERRED' ELSE '' END AS deferrable
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.confrelid
        JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attname = 'partnership_id' AND NOT ca.attisdropped
        JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attname = 'partnership_id' AND NOT pa.attisdropped
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
          AND coalesce(obj_description(k.oid, 'pg_constraint'), '') NOT LIKE 'across partnerships%'
          AND NOT EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS pair(child, parent)
                          WHERE pair.child = ca.attnum AND pair.parent = pa.attnum)
        ORDER BY 3, 2
    LOOP
        parent_key := fk.parent_name || '_tenant_key';
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = fk.parent AND conname = parent_key) THEN
            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I UNIQUE (partnership_id, %s)', fk.parent, parent_key,
                           fk.referenced);
        END IF;
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.child, fk.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (partnership_id, %s) REFERENCES %s (partnership_id, %s)'
                       || ' ON DELETE %s ON UPDATE %s %s',
                       fk.child, fk.conname, fk.columns, fk.parent, fk.referenced, fk.on_delete, fk.on_update, fk.deferrable);
    END LOOP;
END
$$;
