package de.sipa.partners;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class BodyRepository {

    private static final RowMapper<Body> BODY = (rs, n) -> new Body(new BodyId(rs.getObject("id", UUID.class)),
            rs.getString("name"), rs.getString("short_name"), BodyKind.valueOf(rs.getString("kind")),
            rs.getString("description"), rs.getBoolean("confidential"));

    /** Bodies that may be shown in public: not confidential. */
    private static final String PUBLIC_BODY = "NOT b.confidential";

    private static final RowMapper<Membership> MEMBERSHIP = (rs, n) -> new Membership(
            new MembershipId(rs.getObject("id", UUID.class)), new BodyId(rs.getObject("body_id", UUID.class)),
            new PersonId(rs.getObject("person_id", UUID.class)), MembershipRole.valueOf(rs.getString("role")),
            rs.getDate("starts_on").toLocalDate(),
            rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate());

    private final JdbcClient jdbc;

    BodyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Body> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM partners_body WHERE partnership_id = ? ORDER BY kind, lower(name)")
                .param(partnership.value()).query(BODY).list();
    }

    Optional<Body> find(PartnershipId partnership, BodyId id) {
        return jdbc.sql("SELECT * FROM partners_body WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(BODY).optional();
    }

    boolean nameTaken(PartnershipId partnership, String name, BodyId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partners_body WHERE partnership_id = ? AND lower(name) = lower(?) AND id <> ?)")
                .params(partnership.value(), name.strip(), except.value()).query(Boolean.class).single();
    }

    void insert(PartnershipId partnership, BodyId id, BodyDetails details) {
        jdbc.sql("INSERT INTO partners_body (id, partnership_id, name, short_name, kind, description, confidential) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id.value(), partnership.value(), details.name().strip(), details.shortName().strip(),
                        details.kind().name(), Searches.blankToNull(details.description()), details.confidential())
                .update();
    }

    void update(PartnershipId partnership, BodyId id, BodyDetails details) {
        jdbc.sql("UPDATE partners_body SET name = ?, short_name = ?, kind = ?, description = ?, confidential = ? WHERE partnership_id = ? AND id = ?")
                .params(details.name().strip(), details.shortName().strip(), details.kind().name(),
                        Searches.blankToNull(details.description()), details.confidential(), partnership.value(),
                        id.value())
                .update();
    }

    void delete(PartnershipId partnership, BodyId id) {
        jdbc.sql("DELETE FROM partners_body WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).update();
    }

    /**
     * The public roster: bodies that are not confidential, their memberships, and the people who sit or sat in one of
     * them (someone only in a confidential body stays unnamed).
     */
    PublicRoster publicRoster(PartnershipId partnership) {
        var bodies = jdbc.sql("SELECT * FROM partners_body b WHERE partnership_id = ? AND " + PUBLIC_BODY
                + " ORDER BY created_at, id")
                .param(partnership.value())
                .query((rs, n) -> new Published<>(BODY.mapRow(rs, n), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        var memberships = jdbc.sql("""
                SELECT m.* FROM partners_membership m JOIN partners_body b ON b.id = m.body_id
                 WHERE m.partnership_id = ? AND %s ORDER BY m.created_at, m.id""".formatted(PUBLIC_BODY))
                .param(partnership.value())
                .query((rs, n) -> new Published<>(MEMBERSHIP.mapRow(rs, n), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        var people = jdbc.sql("""
                SELECT * FROM partners_person p
                 WHERE p.partnership_id = ? AND EXISTS (SELECT 1 FROM partners_membership m
                         JOIN partners_body b ON b.id = m.body_id WHERE m.person_id = p.id AND %s)
                 ORDER BY p.created_at, p.id""".formatted(PUBLIC_BODY))
                .param(partnership.value())
                .query((rs, n) -> new Published<>(new PublicPerson(new PersonId(rs.getObject("id", UUID.class)),
                        rs.getString("salutation"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("function")), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        var tombstones = jdbc.sql("SELECT * FROM partners_tombstone WHERE partnership_id = ?")
                .param(partnership.value())
                .query((rs, n) -> new PublicRoster.Tombstone(rs.getString("kind"), rs.getObject("id", UUID.class),
                        instant(rs, "created_at"), instant(rs, "deleted_at")))
                .list();
        return new PublicRoster(bodies, people, memberships, tombstones);
    }

    List<PublicBody> publicBodies(PartnershipId partnership, LocalDate day) {
        return jdbc.sql("""
                SELECT b.name, b.short_name, b.kind, b.description,
                       (SELECT string_agg(DISTINCT o.name, ', ') FROM partners_membership m
                          JOIN partners_person p ON p.id = m.person_id
                          JOIN partners_organisation o ON o.id = p.organisation_id
                         WHERE m.body_id = b.id AND m.role = 'CHAIR' AND m.starts_on <= ?
                           AND (m.ends_on IS NULL OR m.ends_on >= ?)) AS chair_organisation,
                       ARRAY(SELECT DISTINCT o.name FROM partners_membership m
                          JOIN partners_person p ON p.id = m.person_id
                          JOIN partners_organisation o ON o.id = p.organisation_id
                         WHERE m.body_id = b.id AND m.starts_on <= ? AND (m.ends_on IS NULL OR m.ends_on >= ?)
                         ORDER BY o.name) AS member_organisations
                  FROM partners_body b WHERE b.partnership_id = ? AND %s
                 ORDER BY b.kind, lower(b.name)""".formatted(PUBLIC_BODY))
                .params(Date.valueOf(day), Date.valueOf(day), Date.valueOf(day), Date.valueOf(day),
                        partnership.value())
                .query((rs, n) -> new PublicBody(rs.getString("name"), rs.getString("short_name"),
                        BodyKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getString("chair_organisation"),
                        List.of((String[]) rs.getArray("member_organisations").getArray())))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    List<Membership> memberships(PartnershipId partnership, BodyId body) {
        return jdbc.sql("SELECT * FROM partners_membership WHERE partnership_id = ? AND body_id = ? ORDER BY role, starts_on")
                .params(partnership.value(), body.value()).query(MEMBERSHIP).list();
    }

    boolean seats(PartnershipId partnership, BodyId body, OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM partners_membership m JOIN partners_person p ON p.id = m.person_id
                                WHERE m.partnership_id = ? AND m.body_id = ? AND p.organisation_id = ?
                                  AND m.starts_on <= ? AND (m.ends_on IS NULL OR m.ends_on >= ?))""")
                .params(partnership.value(), body.value(), organisation.value(), Date.valueOf(day), Date.valueOf(day))
                .query(Boolean.class).single();
    }

    List<Membership> membershipsOf(PartnershipId partnership, PersonId person) {
        return jdbc.sql("SELECT * FROM partners_membership WHERE partnership_id = ? AND person_id = ? ORDER BY starts_on DESC")
                .params(partnership.value(), person.value()).query(MEMBERSHIP).list();
    }

    Optional<Membership> membership(PartnershipId partnership, MembershipId id) {
        return jdbc.sql("SELECT * FROM partners_membership WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(MEMBERSHIP).optional();
    }

    void insertMembership(PartnershipId partnership, Membership membership) {
        jdbc.sql("INSERT INTO partners_membership (id, partnership_id, body_id, person_id, role, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(membership.id().value(), partnership.value(), membership.body().value(),
                        membership.person().value(), membership.role().name(), Date.valueOf(membership.startsOn()),
                        membership.endsOn() == null ? null : Date.valueOf(membership.endsOn()))
                .update();
    }

    void endMembership(PartnershipId partnership, MembershipId id, java.time.LocalDate endsOn) {
        jdbc.sql("UPDATE partners_membership SET ends_on = ? WHERE partnership_id = ? AND id = ?")
                .params(Date.valueOf(endsOn), partnership.value(), id.value()).update();
    }

    void deleteMembership(PartnershipId partnership, MembershipId id) {
        jdbc.sql("DELETE FROM partners_membership WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).update();
    }
}
