-- A member may share a prevention project or a place's safety concept with the whole installation instead of one
-- network: such a share names no network (network_id NULL), and every partnership of the installation finds it in
-- its catalogue of good practice. The figures, places, surveys and annual reports go to networks only.
ALTER TABLE networks_share ALTER COLUMN network_id DROP NOT NULL;
ALTER TABLE networks_share ADD CONSTRAINT networks_share_installation
    CHECK (network_id IS NOT NULL OR (kind IN ('PROJECT', 'SAFETY_CONCEPT') AND item_id IS NOT NULL));

DROP INDEX networks_share_unique;
CREATE UNIQUE INDEX networks_share_unique
    ON networks_share (partnership_id, coalesce(network_id, '00000000-0000-0000-0000-000000000000'), kind,
                       coalesce(item_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX networks_share_installation ON networks_share (kind) WHERE network_id IS NULL;

COMMENT ON COLUMN networks_share.network_id IS 'NULL: shared with the whole installation (projects and safety concepts)';
