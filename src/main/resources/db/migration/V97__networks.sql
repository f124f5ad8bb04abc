-- Networks above partnerships (a county, a region, a Land programme). A network is hosted by a partnership of its own
-- (the county's coordination), whose coordinators coordinate the network. Member partnerships choose what they share
-- with it: each share names the kind of item and its id, or no id for the contact point's key figures.
CREATE TABLE networks_network (
    id             UUID PRIMARY KEY,
    partnership_id UUID         NOT NULL UNIQUE REFERENCES partners_partnership (id),
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- partnership_id: the member, which alone decides to join or to leave.
CREATE TABLE networks_member (
    partnership_id UUID        NOT NULL REFERENCES partners_partnership (id),
    network_id     UUID        NOT NULL REFERENCES networks_network (id) ON DELETE CASCADE,
    joined_on      DATE        NOT NULL,
    PRIMARY KEY (partnership_id, network_id)
);
CREATE INDEX networks_member_by_network ON networks_member (network_id);

-- What a member shares. item_id is NULL for the key figures; contact is the function or office to ask about a shared
-- project (no person's name is required).
CREATE TABLE networks_share (
    id             UUID PRIMARY KEY,
    partnership_id UUID         NOT NULL REFERENCES partners_partnership (id),
    network_id     UUID         NOT NULL REFERENCES networks_network (id) ON DELETE CASCADE,
    kind           VARCHAR(20)  NOT NULL,
    item_id        UUID,
    contact        VARCHAR(200),
    shared_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX networks_share_unique
    ON networks_share (partnership_id, network_id, kind, coalesce(item_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX networks_share_by_network ON networks_share (network_id, kind);

-- A member belongs to one partnership, the network it joins to another (the host): these two keys cross partnerships
-- by design, and V102's keys within one partnership leave them alone (RowLevelSecurityTests reads the comment).
COMMENT ON CONSTRAINT networks_member_network_id_fkey ON networks_member IS 'across partnerships: a town joins a county';
COMMENT ON CONSTRAINT networks_share_network_id_fkey ON networks_share IS 'across partnerships: a town shares with a county';

DO $$
DECLARE
    tenant_table TEXT;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['networks_network', 'networks_member', 'networks_share']
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
