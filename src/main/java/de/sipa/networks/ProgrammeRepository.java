package de.sipa.networks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * The Land programmes' templates. Row-level security (V115) shows the host its own and a member the programme of the
 * networks it belongs to; only the host writes.
 */
@Repository
class ProgrammeRepository {

    private static final RowMapper<LandProgramme> PROGRAMME = (rs, n) -> new LandProgramme(
            new NetworkId(rs.getObject("network_id", UUID.class)), lines(rs.getString("bodies")),
            lines(rs.getString("categories")), lines(rs.getString("topics")), lines(rs.getString("survey_items")));

    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LandProgramme> find(NetworkId network) {
        return jdbc.sql("SELECT * FROM networks_programme WHERE network_id = ?").param(network.value())
                .query(PROGRAMME).optional();
    }

    void save(PartnershipId host, LandProgramme programme) {
        jdbc.sql("""
                INSERT INTO networks_programme (partnership_id, network_id, bodies, categories, topics, survey_items)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (partnership_id, network_id) DO UPDATE SET bodies = excluded.bodies,
                  categories = excluded.categories, topics = excluded.topics, survey_items = excluded.survey_items,
                  updated_at = now()""")
                .params(host.value(), programme.network().value(), String.join("\n", programme.bodies()),
                        String.join("\n", programme.categories()), String.join("\n", programme.topics()),
                        String.join("\n", programme.surveyItems()))
                .update();
    }

    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
    }
}
