package de.sipa.networks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * Networks, their members and what the members share. Row-level security confines every table to the acting
 * partnership; reading a network's members and shares as its host needs {@code Tenancy.acrossPartnerships()} first,
 * and every query here names the network or the partnership it means.
 */
@Repository
class NetworkRepository {

    private static final RowMapper<Network> NETWORK = (rs, n) -> new Network(
            new NetworkId(rs.getObject("id", UUID.class)), new PartnershipId(rs.getObject("partnership_id", UUID.class)),
            rs.getString("name"), NetworkKind.valueOf(rs.getString("kind")));
    private static final RowMapper<Share> SHARE = (rs, n) -> new Share(rs.getObject("id", UUID.class),
            new PartnershipId(rs.getObject("partnership_id", UUID.class)),
            rs.getObject("network_id") == null ? null : new NetworkId(rs.getObject("network_id", UUID.class)),
            ShareKind.valueOf(rs.getString("kind")),
            rs.getObject("item_id", UUID.class), rs.getString("contact"));

    private final JdbcClient jdbc;

    NetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Network network) {
        jdbc.sql("INSERT INTO networks_network (id, partnership_id, name, kind) VALUES (?, ?, ?, ?)")
                .params(network.id().value(), network.host().value(), network.name(), network.kind().name()).update();
    }

    Optional<Network> hostedBy(PartnershipId host) {
        return jdbc.sql("SELECT * FROM networks_network WHERE partnership_id = ?").param(host.value()).query(NETWORK)
                .optional();
    }

    Optional<Network> find(NetworkId id) {
        return jdbc.sql("SELECT * FROM networks_network WHERE id = ?").param(id.value()).query(NETWORK).optional();
    }

    List<Network> all() {
        return jdbc.sql("SELECT * FROM networks_network ORDER BY name").query(NETWORK).list();
    }

    /** The Land programmes that have a template; the caller reads across partnerships. */
    List<Network> programmes() {
        return jdbc.sql("""
                SELECT n.* FROM networks_network n WHERE n.kind = 'STATE_PROGRAMME'
                AND EXISTS (SELECT 1 FROM networks_programme t WHERE t.network_id = n.id) ORDER BY n.created_at""")
                .query(NETWORK).list();
    }

    /** The networks the partnership is a member of. */
    List<Network> memberships(PartnershipId member) {
        return jdbc.sql("""
                SELECT n.* FROM networks_network n JOIN networks_member m ON m.network_id = n.id
                WHERE m.partnership_id = ? ORDER BY n.name""").param(member.value()).query(NETWORK).list();
    }

    List<PartnershipId> members(NetworkId network) {
        return jdbc.sql("SELECT partnership_id FROM networks_member WHERE network_id = ? ORDER BY joined_on, partnership_id")
                .param(network.value()).query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).list();
    }

    void join(PartnershipId member, NetworkId network, LocalDate on) {
        jdbc.sql("INSERT INTO networks_member (partnership_id, network_id, joined_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(member.value(), network.value(), on).update();
    }

    void leave(PartnershipId member, NetworkId network) {
        jdbc.sql("DELETE FROM networks_share WHERE partnership_id = ? AND network_id = ?")
                .params(member.value(), network.value()).update();
        jdbc.sql("DELETE FROM networks_member WHERE partnership_id = ? AND network_id = ?")
                .params(member.value(), network.value()).update();
    }

    void share(Share share) {
        jdbc.sql("""
                INSERT INTO networks_share (id, partnership_id, network_id, kind, item_id, contact)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(share.id(), share.member().value(),
                        share.network() == null ? null : share.network().value(), share.kind().name(), share.item(),
                        share.contact())
                .update();
    }

    void unshare(PartnershipId member, NetworkId network, ShareKind kind, UUID item) {
        jdbc.sql("""
                DELETE FROM networks_share WHERE partnership_id = ? AND network_id = ? AND kind = ?
                AND item_id IS NOT DISTINCT FROM ?""")
                .params(member.value(), network.value(), kind.name(), item).update();
    }

    /** Takes back what the member shares with the whole installation. */
    void unshareFromInstallation(PartnershipId member, ShareKind kind, UUID item) {
        jdbc.sql("DELETE FROM networks_share WHERE partnership_id = ? AND network_id IS NULL AND kind = ? AND item_id = ?")
                .params(member.value(), kind.name(), item).update();
    }

    /** What the member shares with the whole installation. */
    List<Share> installationShares(PartnershipId member) {
        return jdbc.sql("SELECT * FROM networks_share WHERE partnership_id = ? AND network_id IS NULL ORDER BY shared_at")
                .param(member.value()).query(SHARE).list();
    }

    /** What the partnerships share with the whole installation, of one kind; the caller reads across partnerships. */
    List<Share> installationShares(ShareKind kind) {
        return jdbc.sql("SELECT * FROM networks_share WHERE network_id IS NULL AND kind = ? ORDER BY shared_at")
                .param(kind.name()).query(SHARE).list();
    }

    /** What the member shares with the network (a member of it), of one kind. */
    List<Share> shares(PartnershipId member, NetworkId network) {
        return jdbc.sql("""
                SELECT s.* FROM networks_share s JOIN networks_member m
                  ON m.partnership_id = s.partnership_id AND m.network_id = s.network_id
                WHERE s.partnership_id = ? AND s.network_id = ? ORDER BY s.shared_at""")
                .params(member.value(), network.value()).query(SHARE).list();
    }

    /** What the members of a network share with it, of one kind; only current members count. */
    List<Share> shares(NetworkId network, ShareKind kind) {
        return jdbc.sql("""
                SELECT s.* FROM networks_share s JOIN networks_member m
                  ON m.partnership_id = s.partnership_id AND m.network_id = s.network_id
                WHERE s.network_id = ? AND s.kind = ? ORDER BY s.shared_at""")
                .params(network.value(), kind.name()).query(SHARE).list();
    }
}
