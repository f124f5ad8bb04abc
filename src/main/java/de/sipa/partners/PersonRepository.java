package de.sipa.partners;

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
                rs.getString("phone"), rs.getString("mobile"), rs.getString("email"), Set.copyOf(districts));
    };

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> find(PartnershipId partnership, PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.partnership_id = ? AND p.id = ?")
                .params(partnership.value(), id.value()).query(ROW).optional();
    }

    List<Person> ofOrganisation(PartnershipId partnership, OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE p.partnership_id = ? AND p.organisation_id = ? ORDER BY lower(p.last_name), lower(p.first_name)")
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

    void delete(PartnershipId partnership, PersonId id) {
        jdbc.sql("DELETE FROM partners_person WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).update();
    }

    long count(PartnershipId partnership) {
        return jdbc.sql("SELECT count(*) FROM partners_person WHERE partnership_id = ?")
                .param(partnership.value()).query(Long.class).single();
    }
}
