package de.sipa.partners;

import java.sql.Array;
import java.sql.SQLException;
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

    private static final String FROM = """
            FROM partners_person p
            JOIN partners_organisation o ON o.id = p.organisation_id
            WHERE p.partnership_id = :partnership
              AND (CAST(:pattern AS TEXT) IS NULL
                   OR lower(p.first_name || ' ' || p.last_name) LIKE :pattern
                   OR lower(p.last_name || ' ' || p.first_name) LIKE :pattern
                   OR lower(coalesce(p.function, '')) LIKE :pattern
                   OR lower(o.name) LIKE :pattern
                   OR lower(coalesce(p.email, '')) LIKE :pattern)
              AND (CAST(:function AS TEXT) IS NULL OR lower(coalesce(p.function, '')) LIKE :function)
              AND (CAST(:organisation AS UUID) IS NULL OR p.organisation_id = :organisation)
              AND (CAST(:district AS UUID) IS NULL OR EXISTS (
                   SELECT 1 FROM partners_person_district pd WHERE pd.person_id = p.id AND pd.district_id = :district))
              AND (CAST(:body AS UUID) IS NULL OR EXISTS (
                   SELECT 1 FROM partners_membership m WHERE m.person_id = p.id AND m.body_id = :body
                   AND m.starts_on <= current_date AND (m.ends_on IS NULL OR m.ends_on >= current_date)))
            """;

    private static final String SELECT = """
            SELECT p.id, p.salutation, p.first_name, p.last_name, p.function, p.organisation_id, o.name AS organisation,
                   p.phone, p.mobile, p.email, o.on_duty_phone,
                   ARRAY(SELECT b.name FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
                         WHERE m.person_id = p.id AND m.starts_on <= current_date
                           AND (m.ends_on IS NULL OR m.ends_on >= current_date) ORDER BY b.name) AS bodies,
                   ARRAY(SELECT d.name FROM partners_person_district pd JOIN partners_district d ON d.id = pd.district_id
                         WHERE pd.person_id = p.id ORDER BY d.position) AS districts
            """;

    private static final RowMapper<DirectoryEntry> ROW = (rs, n) -> new DirectoryEntry(
            new PersonId(rs.getObject("id", UUID.class)), rs.getString("salutation"), rs.getString("first_name"),
            rs.getString("last_name"), rs.getString("function"),
            new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation"),
            rs.getString("phone"), rs.getString("mobile"), rs.getString("email"), rs.getString("on_duty_phone"),
            strings(rs.getArray("bodies")), strings(rs.getArray("districts")));

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<DirectoryEntry> search(PartnershipId partnership, DirectoryQuery query, Pageable pageable) {
        long total = bind(jdbc.sql("SELECT count(*) " + FROM), partnership, query).query(Long.class).single();
        var content = bind(jdbc.sql(SELECT + FROM
                        + " ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT :limit OFFSET :offset"),
                partnership, query)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ROW).list();
        return new PageImpl<>(content, pageable, total);
    }

    List<DirectoryEntry> all(PartnershipId partnership, DirectoryQuery query) {
        return bind(jdbc.sql(SELECT + FROM + " ORDER BY lower(p.last_name), lower(p.first_name), p.id"), partnership,
                query).query(ROW).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PartnershipId partnership,
            DirectoryQuery query) {
        return statement.param("partnership", partnership.value())
                .param("pattern", Searches.pattern(query.text()))
                .param("function", Searches.pattern(query.function()))
                .param("organisation", query.organisation())
                .param("district", query.district())
                .param("body", query.body());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
