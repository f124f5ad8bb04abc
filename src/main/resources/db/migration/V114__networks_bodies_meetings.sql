-- The network's own bodies and their meetings (the county's round table of the towns' coordinators). They belong to
-- the host partnership, which alone writes them; a member town reads the bodies of the networks it belongs to and their
-- meetings through a second, read-only policy, and nothing else of the host: its other tables keep only the tenant
-- policy. A member also sees the network it joined (its name), not the host's other rows.
ALTER TABLE networks_network ADD CONSTRAINT networks_network_tenant_key UNIQUE (partnership_id, id);

CREATE TABLE networks_body (
    id             UUID          PRIMARY KEY,
    partnership_id UUID          NOT NULL REFERENCES partners_partnership (id),
    network_id     UUID          NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    purpose        VARCHAR(2000) NOT NULL DEFAULT '',
    CONSTRAINT networks_body_tenant_key UNIQUE (partnership_id, id),
    CONSTRAINT networks_body_network_id_fkey FOREIGN KEY (partnership_id, network_id)
        REFERENCES networks_network (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX networks_body_by_network ON networks_body (network_id);

-- agenda: one item a line; minutes: written after the meeting, NULL until then.
CREATE TABLE networks_meeting (
    id             UUID          PRIMARY KEY,
    partnership_id UUID          NOT NULL REFERENCES partners_partnership (id),
    body_id        UUID          NOT NULL,
    starts_at      TIMESTAMPTZ   NOT NULL,
    location       VARCHAR(200)  NOT NULL,
    agenda         VARCHAR(4000) NOT NULL DEFAULT '',
    minutes        VARCHAR(20000),
    CONSTRAINT networks_meeting_body_id_fkey FOREIGN KEY (partnership_id, body_id)
        REFERENCES networks_body (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX networks_meeting_by_body ON networks_meeting (body_id, starts_at);

DO $$
DECLARE
    tenant_table TEXT;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['networks_body', 'networks_meeting']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format($policy$
            CREATE POLICY tenant ON %I
            USING ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            WITH CHECK ((SELECT current_setting('sipa.all_partnerships', true)) = 'on'
                   OR partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid))
            $policy$, tenant_table);
    END LOOP;
END
$$;

-- Reading only, and only for a member: the member's own networks_member row (visible under its tenant policy) opens
-- the network, its bodies and their meetings.
CREATE POLICY network_members ON networks_network FOR SELECT
    USING (EXISTS (SELECT 1 FROM networks_member m WHERE m.network_id = networks_network.id
                   AND m.partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid)));
CREATE POLICY network_members ON networks_body FOR SELECT
    USING (EXISTS (SELECT 1 FROM networks_member m WHERE m.network_id = networks_body.network_id
                   AND m.partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid)));
CREATE POLICY network_members ON networks_meeting FOR SELECT
    USING (EXISTS (SELECT 1 FROM networks_body b JOIN networks_member m ON m.network_id = b.network_id
                   WHERE b.id = networks_meeting.body_id
                   AND m.partnership_id = (SELECT NULLIF(current_setting('sipa.partnership', true), '')::uuid)));
