-- A Land programme (a state's security partnership programme) as a template for new partnerships: the bodies, the
-- contact point's categories, the topics of the matrix and the standard survey items it asks for, one a line (survey
-- items by their key in the item library). Kept by the programme network's host; a member reads it (read-only policy,
-- as for the network's bodies in V114) to apply it to itself.
CREATE TABLE networks_programme (
    partnership_id UUID          NOT NULL REFERENCES partners_partnership (id),
    network_id     UUID          NOT NULL,
    bodies         VARCHAR(4000) NOT NULL DEFAULT '',
    categories     VARCHAR(4000) NOT NULL DEFAULT '',
    topics         VARCHAR(4000) NOT NULL DEFAULT '',
    survey_items   VARCHAR(2000) NOT NULL DEFAULT '',
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (partnership_id, network_id),
    CONSTRAINT networks_programme_network_id_fkey FOREIGN KEY (partnership_id, network_id)
        REFERENCES networks_network (partnership_id, id) ON DELETE CASCADE
);

ALTER TABLE networks_programme ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON networks_programme
    USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
    WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
           OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid));
CREATE POLICY network_members ON networks_programme FOR SELECT
    USING (EXISTS (SELECT 1 FROM networks_member m WHERE m.network_id = networks_programme.network_id
                   AND m.partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid)));
