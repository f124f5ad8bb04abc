package de.sipa.partners;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class DirectoryRepository {

    /** The searchable text of a person; the same expression as the trigram index of migration V12. */
    private static final String SEARCH_TEXT = "lower(p.first_name || ' ' || p.last_name || E'\\n' || p.last_name || ' ' "
            + "|| p.first_name || E'\\n' || coalesce(p.function, '') || E'\\n' || coalesce(p.email, ''))";

    private static final String SELECT = """
            SELECT p.id, p.salutation, p.first_name, p.last_name, p.function, p.organisation_id, o.name AS organisation,
                   p.phone, p.mobile, p.email, o.on_duty_phone,
                   ARRAY(SELECT b.name FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
                         WHERE m.person_id = p.id AND m.starts_on <= :today
                           AND (m.ends_on IS NULL OR m.ends_on >= :today) ORDER BY b.name) AS bodies,
                   ARRAY(SELECT d.name FROM partners_person_district pd JOIN partners_district d ON d.id = pd.district_id
                         WHERE pd.person_id = p.id ORDER BY d.position) AS districts,
                   ARRAY(SELECT ao.name FROM partners_affiliation a JOIN partners_organisation ao ON ao.id = a.organisation_id
                         WHERE a.person_id = p.id ORDER BY lower(ao.name)) AS also_for
            """;

    private static final RowMapper<DirectoryEntry> ROW = (rs, n) -> new DirectoryEntry(
            new PersonId(rs.getObject("id", UUID.class)), rs.getString("salutation"), rs.getString("first_name"),
            rs.getString("last_name"), rs.getString("function"),
            new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation"),
            rs.getString("phone"), rs.getString("mobile"), rs.getString("email"), rs.getString("on_duty_phone"),
            strings(rs.getArray("bodies")), strings(rs.getArray("districts")), strings(rs.getArray("also_for")));

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One page of matches. With a text, the page query also counts all matches ({@code count(*) OVER ()}), which
     * the trigram index makes cheap; without, a separate count is cheaper than sorting everyone.
     */
    Page<DirectoryEntry> search(PartnershipId partnership, DirectoryQuery query, Pageable pageable) {
        var filter = Filter.of(query);
        boolean text = Searches.pattern(query.text()) != null;
        var sql = SELECT + (text ? ", count(*) OVER () AS total " : "") + filter.from()
                + " ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT :limit OFFSET :offset";
        var totals = new long[] {-1};
        // One day for the page and its count, also when midnight passes between the two statements.
        var today = today();
        var content = filter.bind(jdbc.sql(sql), partnership, query, today)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> {
                    if (text) {
                        totals[0] = rs.getLong("total");
                    }
                    return ROW.mapRow(rs, n);
                })
                .list();
        long total = totals[0] >= 0 ? totals[0]
                : filter.bind(jdbc.sql("SELECT count(*) " + filter.from()), partnership, query, today)
                        .query(Long.class).single();
        return new PageImpl<>(content, pageable, total);
    }

    List<DirectoryEntry> all(PartnershipId partnership, DirectoryQuery query) {
        var filter = Filter.of(query);
        return filter.bind(jdbc.sql(SELECT + filter.from() + " ORDER BY lower(p.last_name), lower(p.first_name), p.id"),
                partnership, query, today()).query(ROW).list();
    }

    /**
     * Today where the partnership is: a membership starting today counts from midnight there, not from midnight UTC
     * (the database session's {@code current_date}, a day behind after 23:00 UTC in winter).
     */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The FROM and WHERE of a search with only the conditions that are set, so that PostgreSQL plans each
     * combination for itself (a generic plan over "x IS NULL OR …" conditions was three times slower).
     */
    private record Filter(String from) {

        static Filter of(DirectoryQuery query) {
            var where = new StringBuilder("""
                    FROM partners_person p JOIN partners_organisation o ON o.id = p.organisation_id
                    WHERE p.partnership_id = :partnership AND p.archived_at IS NULL""");
            if (Searches.pattern(query.text()) != null) {
                where.append(" AND (").append(SEARCH_TEXT).append(" LIKE :pattern OR p.organisation_id = ANY (ARRAY(")
                        .append("SELECT id FROM partners_organisation WHERE partnership_id = :partnership")
                        .append(" AND lower(name) LIKE :pattern)) OR EXISTS (SELECT 1 FROM partners_affiliation a")
                        .append(" JOIN partners_organisation ao ON ao.id = a.organisation_id WHERE a.person_id = p.id")
                        .append(" AND lower(ao.name) LIKE :pattern))");
            }
            if (Searches.pattern(query.function()) != null) {
                where.append(" AND lower(coalesce(p.function, '')) LIKE :function");
            }
            if (query.organisation() != null) {
                // A person seconded to the organisation is listed with its own people.
                where.append(" AND (p.organisation_id = :organisation OR EXISTS (SELECT 1 FROM partners_affiliation a")
                        .append(" WHERE a.person_id = p.id AND a.organisation_id = :organisation))");
            }
            if (query.district() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM partners_person_district pd WHERE pd.person_id = p.id"
                        + " AND pd.district_id = :district)");
            }
            if (query.body() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM partners_membership m WHERE m.person_id = p.id"
                        + " AND m.body_id = :body AND m.starts_on <= :today"
                        + " AND (m.ends_on IS NULL OR m.ends_on >= :today))");
            }
            return new Filter(where.append(' ').toString());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PartnershipId partnership,
                DirectoryQuery query, LocalDate today) {
            statement = statement.param("partnership", partnership.value()).param("today", today);
            if (Searches.pattern(query.text()) != null) {
                statement = statement.param("pattern", Searches.pattern(query.text()));
            }
            if (Searches.pattern(query.function()) != null) {
                statement = statement.param("function", Searches.pattern(query.function()));
            }
            if (query.organisation() != null) {
                statement = statement.param("organisation", query.organisation());
            }
            if (query.district() != null) {
                statement = statement.param("district", query.district());
            }
            if (query.body() != null) {
                statement = statement.param("body", query.body());
            }
            return statement;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
