package de.sipa;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.partners.BodyDetails;
import de.sipa.partners.BodyId;
import de.sipa.partners.BodyKind;
import de.sipa.partners.Bodies;
import de.sipa.partners.DistrictId;
import de.sipa.partners.MembershipDetails;
import de.sipa.partners.MembershipRole;
import de.sipa.partners.NewPartnership;
import de.sipa.partners.OrganisationDetails;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.PersonDetails;
import de.sipa.partners.PersonId;
import de.sipa.shared.FederalState;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/** Builds small partnerships through the modules' own APIs, each with unique names so tests do not collide. */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-password-1";

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final Bodies bodies;
    private final Accounts accounts;
    private final UserDetailsService userDetailsService;

    Fixtures(Partnerships partnerships, Organisations organisations, People people, Bodies bodies, Accounts accounts,
            UserDetailsService userDetailsService) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.bodies = bodies;
        this.accounts = accounts;
        this.userDetailsService = userDetailsService;
    }

    /**
     * A partnership with two districts, police and Ordnungsamt, one person each, a steering group with both as
     * members, and one account per role; in Baden-Württemberg, as Musterstadt.
     */
    public City city() {
        return city(FederalState.BW);
    }

    /** {@link #city()} in another Land, whose public holidays count for its deadlines and patrols. */
    public City city(FederalState federalState) {
        var key = UUID.randomUUID().toString().substring(0, 8);
        var admin = SipaUser.system(PartnershipId.random());
        var id = CurrentUser.runAs(admin, () -> partnerships.create(new NewPartnership("Stadt " + key, "stadt-" + key,
                "Mitte\nNord", "Kriminalprävention " + key, "koord-" + key, "Koordination " + key,
                "koord-" + key + "@stadt.example", PASSWORD, federalState)));
        return CurrentUser.runAs(SipaUser.system(id), () -> {
            var districts = partnerships.districts().stream().map(d -> d.id()).toList();
            var police = organisations.create(organisation("Polizeirevier " + key, OrganisationKind.POLICE_INSPECTION));
            var publicOrder = organisations.create(organisation("Ordnungsamt " + key, OrganisationKind.PUBLIC_ORDER_OFFICE));
            var officer = people.create(person(police, "Paula", "Polizei-" + key, districts.get(0)));
            var clerk = people.create(person(publicOrder, "Otto", "Ordnung-" + key, districts.get(1)));
            var steering = bodies.create(new BodyDetails("Lenkungsgruppe " + key, "LG", BodyKind.STEERING_GROUP, ""));
            bodies.join(steering, new MembershipDetails(officer.value(), MembershipRole.CHAIR,
                    java.time.LocalDate.of(2024, 1, 1), null));
            accounts.open(new NewAccount(id, police, "polizei-" + key, "Paula Polizei", "polizei-" + key + "@stadt.example",
                    PASSWORD, Role.PARTNER));
            accounts.open(new NewAccount(id, publicOrder, "ordnung-" + key, "Otto Ordnung",
                    "ordnung-" + key + "@stadt.example", PASSWORD, Role.PARTNER));
            accounts.open(new NewAccount(id, publicOrder, "lenkung-" + key, "Lena Lenkung", null, PASSWORD, Role.STEERING));
            return new City(id, key, districts, police, publicOrder, officer, clerk, steering);
        });
    }

    public UserDetails user(String username) {
        return userDetailsService.loadUserByUsername(username);
    }

    public static OrganisationDetails organisation(String name, OrganisationKind kind) {
        return new OrganisationDetails(name, kind, "Marktplatz 1", "12345", "Teststadt", "0123 456", null, null, null, true);
    }

    public static PersonDetails person(OrganisationId organisation, String firstName, String lastName,
            DistrictId district) {
        return new PersonDetails(organisation.value(), null, firstName, lastName, "Sachbearbeitung", "0123 456-7",
                null, null, district == null ? List.of() : List.of(district.value()));
    }

    public record City(PartnershipId id, String key, List<DistrictId> districts, OrganisationId police,
            OrganisationId publicOrder, PersonId officer, PersonId clerk, BodyId steeringGroup) {

        public String coordinator() {
            return "koord-" + key;
        }

        public String policeUser() {
            return "polizei-" + key;
        }

        public String publicOrderUser() {
            return "ordnung-" + key;
        }

        public String steeringUser() {
            return "lenkung-" + key;
        }
    }
}
