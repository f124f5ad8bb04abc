package de.sipa.partners;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class PersonRepository {

    private static final String SELECT = """
            SELECT p.*, COALESCE((SELECT array_agg(pd.district_id) FROM partners_person_district pd
                                  WHERE pd.person_id = p.id), '{}') AS district_ids
            FROM partners_person p""";

    static final RowMapper<Person> ROW = (rs, n) -> {
        Set<DistrictId> districts = new HashSet<>();
        for (Object id : (Object[]) rs.getArray("district_ids").getArray()) {
            districts.add(new DistrictId((UUID) id));
        }
        return new Person(new PersonId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("salutation"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("function"),
                rs.getString("phone"), rs.getString("mobile"), rs.getString("email"), Set.copyOf(districts),
                rs.getTimestamp("archived_at") != null);
    };

    private static final String AFFILIATIONS = """
            SELECT a.person_id, p.first_name || ' ' || p.last_name AS person_name, a.organisation_id,
                   o.name AS organisation_name, a.function, a.starts_on
            FROM partners_affiliation a JOIN partners_organisation o ON o.id = a.organisation_id
                 JOIN partners_person p ON p.id = a.person_id""";

    private static final RowMapper<Affiliation> AFFILIATION = (rs, n) -> new Affiliation(
            new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("person_name"),
            new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
            rs.getString("function"), rs.getObject("starts_on", LocalDate.class));

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> find(PartnershipId partnership, PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.partnership_id = ? AND p.id = ?")
                .params(partnership.value(), id.value()).query(ROW).optional();
    }

    List<Person> ofOrganisation(PartnershipId partnership, OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE p.partnership_id = ? AND p.organisation_id = ? AND p.archived_at IS NULL ORDER BY lower(p.last_name), lower(p.first_name)")
                .params(partnership.value(), organisation.value()).query(ROW).list();
    }

    List<Person> all(PartnershipId partnership) {
        return jdbc.sql(SELECT + " WHERE p.partnership_id = ? ORDER BY lower(p.last_name), lower(p.first_name)")
                .param(partnership.value()).query(ROW).list();
    }

    void insert(PartnershipId partnership, PersonId id, PersonDetails details) {
        jdbc.sql("""
                INSERT INTO partners_person (id, partnership_id, organisation_id, salutation, first_name, last_name,
                                             function, phone, mobile, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), partnership.value(), details.organisationId(),
                        Searches.blankToNull(details.salutation()), details.firstName().strip(),
                        details.lastName().strip(), Searches.blankToNull(details.function()),
                        Searches.blankToNull(details.phone()), Searches.blankToNull(details.mobile()),
                        Searches.blankToNull(details.email()))
                .update();
        replaceDistricts(id, details.districts());
    }

    void update(PartnershipId partnership, PersonId id, PersonDetails details) {
        jdbc.sql("""
                UPDATE partners_person SET organisation_id = ?, salutation = ?, first_name = ?, last_name = ?,
                       function = ?, phone = ?, mobile = ?, email = ?, updated_at = now()
                WHERE partnership_id = ? AND id = ?""")
                .params(details.organisationId(), Searches.blankToNull(details.salutation()),
                        details.firstName().strip(), details.lastName().strip(),
                        Searches.blankToNull(details.function()), Searches.blankToNull(details.phone()),
                        Searches.blankToNull(details.mobile()), Searches.blankToNull(details.email()),
                        partnership.value(), id.value())
                .update();
        replaceDistricts(id, details.districts());
    }

    private void replaceDistricts(PersonId id, List<UUID> districts) {
        jdbc.sql("DELETE FROM partners_person_district WHERE person_id = ?").param(id.value()).update();
        for (var district : Set.copyOf(districts)) {
            jdbc.sql("INSERT INTO partners_person_district (person_id, district_id) VALUES (?, ?)")
                    .params(id.value(), district).update();
        }
    }

    List<Affiliation> affiliationsOf(PartnershipId partnership, PersonId person) {
        return jdbc.sql(AFFILIATIONS + " WHERE a.partnership_id = ? AND a.person_id = ? ORDER BY lower(o.name)")
                .params(partnership.value(), person.value()).query(AFFILIATION).list();
    }

    /** The people of other organisations who also work for this one, with what they do here. */
    List<Affiliation> affiliatedWith(PartnershipId partnership, OrganisationId organisation) {
        return jdbc.sql(AFFILIATIONS + " WHERE a.partnership_id = ? AND a.organisation_id = ?"
                        + " ORDER BY lower(p.last_name), lower(p.first_name)")
                .params(partnership.value(), organisation.value()).query(AFFILIATION).list();
    }

    boolean affiliate(PartnershipId partnership, PersonId person, OrganisationId organisation, String function,
            LocalDate startsOn) {
        return jdbc.sql("""
                INSERT INTO partners_affiliation (person_id, organisation_id, partnership_id, function, starts_on)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(person.value(), organisation.value(), partnership.value(), Searches.blankToNull(function),
                        startsOn)
                .update() == 1;
    }

    boolean endAffiliation(PartnershipId partnership, PersonId person, OrganisationId organisation) {
        return jdbc.sql("DELETE FROM partners_affiliation WHERE partnership_id = ? AND person_id = ? AND organisation_id = ?")
                .params(partnership.value(), person.value(), organisation.value()).update() == 1;
    }

    /** Marks the person as gone, ends their seats in bodies today and their work for other organisations. */
    void archive(PartnershipId partnership, PersonId id, Instant at, LocalDate today) {
        jdbc.sql("UPDATE partners_person SET archived_at = ?, updated_at = now() WHERE partnership_id = ? AND id = ?")
                .params(Timestamp.from(at), partnership.value(), id.value()).update();
        jdbc.sql("DELETE FROM partners_membership WHERE partnership_id = ? AND person_id = ? AND starts_on > ?")
                .params(partnership.value(), id.value(), today).update();
        jdbc.sql("""
                UPDATE partners_membership SET ends_on = ?
                WHERE partnership_id = ? AND person_id = ? AND (ends_on IS NULL OR ends_on > ?)""")
                .params(today, partnership.value(), id.value(), today).update();
        jdbc.sql("DELETE FROM partners_affiliation WHERE partnership_id = ? AND person_id = ?")
                .params(partnership.value(), id.value()).update();
    }

    long count(PartnershipId partnership) {
        return jdbc.sql("SELECT count(*) FROM partners_person WHERE partnership_id = ? AND archived_at IS NULL")
                .param(partnership.value()).query(Long.class).single();
    }
}
