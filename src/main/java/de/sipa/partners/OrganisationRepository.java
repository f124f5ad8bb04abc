package de.sipa.partners;

import java.util.List;
import java.util.Optional;
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
class OrganisationRepository {

    private static final RowMapper<Organisation> ROW = (rs, n) -> new Organisation(
            new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("name"),
            OrganisationKind.valueOf(rs.getString("kind")), rs.getString("street"), rs.getString("postal_code"),
            rs.getString("city"), rs.getString("phone"), rs.getString("email"), rs.getString("on_duty_phone"),
            rs.getString("on_duty_note"), rs.getBoolean("active"));

    private static final String FILTER = """
            WHERE partnership_id = :partnership
              AND (CAST(:pattern AS TEXT) IS NULL OR lower(name) LIKE :pattern OR lower(coalesce(city, '')) LIKE :pattern)
              AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)""";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(PartnershipId partnership, OrganisationId id) {
        return jdbc.sql("SELECT * FROM partners_organisation WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(ROW).optional();
    }

    Optional<Organisation> findByName(PartnershipId partnership, String name) {
        return jdbc.sql("SELECT * FROM partners_organisation WHERE partnership_id = ? AND lower(name) = lower(?)")
                .params(partnership.value(), name.strip()).query(ROW).optional();
    }

    List<Organisation> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM partners_organisation WHERE partnership_id = ? ORDER BY lower(name)")
                .param(partnership.value()).query(ROW).list();
    }

    Page<Organisation> page(PartnershipId partnership, String search, OrganisationKind kind, Pageable pageable) {
        var pattern = Searches.pattern(search);
        var kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("SELECT count(*) FROM partners_organisation " + FILTER)
                .param("partnership", partnership.value()).param("pattern", pattern).param("kind", kindName)
                .query(Long.class).single();
        var content = jdbc.sql("SELECT * FROM partners_organisation " + FILTER
                        + " ORDER BY lower(name) LIMIT :limit OFFSET :offset")
                .param("partnership", partnership.value()).param("pattern", pattern).param("kind", kindName)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ROW).list();
        return new PageImpl<>(content, pageable, total);
    }

    void insert(PartnershipId partnership, OrganisationId id, OrganisationDetails details) {
        jdbc.sql("""
                INSERT INTO partners_organisation (id, partnership_id, name, kind, street, postal_code, city, phone,
                                                   email, on_duty_phone, on_duty_note, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), partnership.value(), details.name().strip(), details.kind().name(),
                        Searches.blankToNull(details.street()), Searches.blankToNull(details.postalCode()),
                        Searches.blankToNull(details.city()), Searches.blankToNull(details.phone()),
                        Searches.blankToNull(details.email()), Searches.blankToNull(details.onDutyPhone()),
                        Searches.blankToNull(details.onDutyNote()), details.active())
                .update();
    }

    void update(PartnershipId partnership, OrganisationId id, OrganisationDetails details) {
        jdbc.sql("""
                UPDATE partners_organisation SET name = ?, kind = ?, street = ?, postal_code = ?, city = ?, phone = ?,
                       email = ?, on_duty_phone = ?, on_duty_note = ?, active = ?, updated_at = now()
                WHERE partnership_id = ? AND id = ?""")
                .params(details.name().strip(), details.kind().name(), Searches.blankToNull(details.street()),
                        Searches.blankToNull(details.postalCode()), Searches.blankToNull(details.city()),
                        Searches.blankToNull(details.phone()), Searches.blankToNull(details.email()),
                        Searches.blankToNull(details.onDutyPhone()), Searches.blankToNull(details.onDutyNote()),
                        details.active(), partnership.value(), id.value())
                .update();
    }

    void delete(PartnershipId partnership, OrganisationId id) {
        jdbc.sql("DELETE FROM partners_organisation WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).update();
    }

    long peopleCount(OrganisationId id) {
        return jdbc.sql("SELECT count(*) FROM partners_person WHERE organisation_id = ?").param(id.value())
                .query(Long.class).single();
    }

    long count(PartnershipId partnership) {
        return jdbc.sql("SELECT count(*) FROM partners_organisation WHERE partnership_id = ?")
                .param(partnership.value()).query(Long.class).single();
    }
}
