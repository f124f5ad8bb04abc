package de.sipa.situation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/** The imported PKS rows, the districts' populations and the offence groups, each scoped to a partnership. */
@Repository
class CrimeFigureRepository {

    private final JdbcClient jdbc;

    CrimeFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CrimeFigureRow> figures(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT district_id, year, offence_key, offence_name, cases, solved, suspects
                FROM situation_crime_figure WHERE partnership_id = ? ORDER BY year, district_id, offence_key""")
                .param(partnership.value())
                .query((rs, n) -> new CrimeFigureRow(rs.getObject("district_id", UUID.class), rs.getInt("year"),
                        rs.getString("offence_key"), rs.getString("offence_name"), rs.getInt("cases"),
                        rs.getInt("solved"), rs.getInt("suspects")))
                .list();
    }

    int count(PartnershipId partnership, int year) {
        return jdbc.sql("SELECT count(*) FROM situation_crime_figure WHERE partnership_id = ? AND year = ?")
                .params(partnership.value(), year).query(Integer.class).single();
    }

    /** Replaces the year's rows of the partnership by the given ones; returns how many rows were there before. */
    int replaceYear(PartnershipId partnership, int year, List<CrimeFigureRow> rows, String actor, Instant at) {
        int before = jdbc.sql("DELETE FROM situation_crime_figure WHERE partnership_id = ? AND year = ?")
                .params(partnership.value(), year).update();
        for (var row : rows) {
            jdbc.sql("""
                    INSERT INTO situation_crime_figure (partnership_id, district_id, year, offence_key, offence_name,
                        cases, solved, suspects, imported_at, imported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(partnership.value(), row.district(), year, row.offenceKey(), row.offenceName(),
                            row.cases(), row.solved(), row.suspects(), Timestamp.from(at), actor)
                    .update();
        }
        return before;
    }

    /** Population per district and year: district → (year → inhabitants). */
    Map<UUID, Map<Integer, Integer>> populations(PartnershipId partnership) {
        var result = new java.util.HashMap<UUID, Map<Integer, Integer>>();
        jdbc.sql("SELECT district_id, year, population FROM situation_district_population WHERE partnership_id = ?")
                .param(partnership.value())
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("district_id", UUID.class), d -> new java.util.HashMap<>())
                            .put(rs.getInt("year"), rs.getInt("population"));
                });
        return result;
    }

    void savePopulation(PartnershipId partnership, UUID district, int year, Integer population) {
        if (population == null) {
            jdbc.sql("DELETE FROM situation_district_population WHERE partnership_id = ? AND district_id = ? AND year = ?")
                    .params(partnership.value(), district, year).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO situation_district_population (partnership_id, district_id, year, population)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (partnership_id, district_id, year) DO UPDATE SET population = EXCLUDED.population""")
                .params(partnership.value(), district, year, population).update();
    }

    List<OffenceGroup> groups(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT id, name, key_prefixes, position FROM situation_offence_group
                WHERE partnership_id = ? ORDER BY position, name""")
                .param(partnership.value())
                .query((rs, n) -> new OffenceGroup(rs.getObject("id", UUID.class), rs.getString("name"),
                        prefixes(rs.getString("key_prefixes")), rs.getInt("position")))
                .list();
    }

    void insertGroup(PartnershipId partnership, OffenceGroup group) {
        jdbc.sql("""
                INSERT INTO situation_offence_group (id, partnership_id, name, key_prefixes, position)
                VALUES (?, ?, ?, ?, ?)""")
                .params(group.id(), partnership.value(), group.name(), String.join(",", group.prefixes()),
                        group.position())
                .update();
    }

    void updateGroup(PartnershipId partnership, OffenceGroup group) {
        jdbc.sql("""
                UPDATE situation_offence_group SET name = ?, key_prefixes = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(group.name(), String.join(",", group.prefixes()), partnership.value(), group.id())
                .update();
    }

    boolean deleteGroup(PartnershipId partnership, UUID id) {
        return jdbc.sql("DELETE FROM situation_offence_group WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id).update() > 0;
    }

    private static List<String> prefixes(String text) {
        var result = new ArrayList<String>();
        for (var part : text.split(",")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    /** The published pairs of year and offence group. */
    java.util.Set<CrimePublication> publications(PartnershipId partnership) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT year, group_id FROM situation_crime_publication WHERE partnership_id = ?""")
                .param(partnership.value())
                .query((rs, n) -> new CrimePublication(rs.getInt("year"), rs.getObject("group_id", UUID.class)))
                .list());
    }

    void publish(PartnershipId partnership, CrimePublication publication, Instant at) {
        jdbc.sql("""
                INSERT INTO situation_crime_publication (partnership_id, year, group_id, published_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(partnership.value(), publication.year(), publication.group(), Timestamp.from(at)).update();
    }

    void withdraw(PartnershipId partnership, CrimePublication publication) {
        jdbc.sql("DELETE FROM situation_crime_publication WHERE partnership_id = ? AND year = ? AND group_id = ?")
                .params(partnership.value(), publication.year(), publication.group()).update();
    }
}
