package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/** Who may do what in the partner network. */
@SipaIntegrationTest
class PermissionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
    }

    @Test
    void everyRoleReadsTheDirectoryAndTheBodies() throws Exception {
        for (var username : new String[] {city.coordinator(), city.policeUser(), city.steeringUser()}) {
            var as = as(username);
            mvc.perform(get("/directory").with(as)).andExpect(status().isOk());
            mvc.perform(get("/bodies/" + city.steeringGroup()).with(as)).andExpect(status().isOk());
            mvc.perform(get("/organisations/" + city.police()).with(as)).andExpect(status().isOk());
        }
    }

    @Test
    void onlyTheCoordinatorCreatesOrganisations() throws Exception {
        mvc.perform(createOrganisation("Neu durch Partner " + city.key()).with(as(city.policeUser())))
                .andExpect(status().isForbidden());
        mvc.perform(createOrganisation("Neu durch Lenkung " + city.key()).with(as(city.steeringUser())))
                .andExpect(status().isForbidden());
        mvc.perform(createOrganisation("Neu durch Koordination " + city.key()).with(as(city.coordinator())))
                .andExpect(status().is3xxRedirection());

        var names = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> organisations.all().stream().map(Organisation::name).toList());
        assertThat(names).contains("Neu durch Koordination " + city.key())
                .doesNotContain("Neu durch Partner " + city.key(), "Neu durch Lenkung " + city.key());
    }

    @Test
    void partnerStaffMaintainTheirOwnOrganisationButNoOther() throws Exception {
        mvc.perform(updateOrganisation(city.police(), "Polizeirevier Mitte " + city.key()).with(as(city.policeUser())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(updateOrganisation(city.publicOrder(), "Gekapert " + city.key()).with(as(city.policeUser())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/people").with(as(city.policeUser())).with(csrf())
                        .param("organisationId", city.police().toString())
                        .param("firstName", "Neue").param("lastName", "Kollegin"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/people").with(as(city.policeUser())).with(csrf())
                        .param("organisationId", city.publicOrder().toString())
                        .param("firstName", "Fremde").param("lastName", "Person"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + city.clerk() + "/archive").with(as(city.policeUser())).with(csrf()))
                .andExpect(status().isForbidden());

        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            assertThat(organisations.get(city.police()).name()).isEqualTo("Polizeirevier Mitte " + city.key());
            assertThat(organisations.get(city.publicOrder()).name()).startsWith("Ordnungsamt");
            assertThat(people.ofOrganisation(city.publicOrder())).hasSize(1);
        });
    }

    @Test
    void onlyTheCoordinationChangesAnOrganisationsKindOrStatus() throws Exception {
        var ownName = "Polizeirevier Mitte " + city.key();
        mvc.perform(updateOrganisation(city.police(), ownName, "CIVIL_SOCIETY", true)
                .with(as(city.policeUser()))).andExpect(status().isForbidden());
        mvc.perform(updateOrganisation(city.police(), ownName, "POLICE_INSPECTION", false)
                .with(as(city.policeUser()))).andExpect(status().isForbidden());
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var police = organisations.get(city.police());
            assertThat(police.kind()).isEqualTo(OrganisationKind.POLICE_INSPECTION);
            assertThat(police.active()).isTrue();
        });
        // The partner's form shows the kind as text with the rule; the coordination's has the choice.
        mvc.perform(get("/organisations/" + city.police() + "/edit").with(as(city.policeUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<select id=\"kind\""))))
                .andExpect(content().string(containsString("ändert nur die Koordination")));
        mvc.perform(get("/organisations/" + city.police() + "/edit").with(as(city.coordinator())))
                .andExpect(content().string(containsString("<select id=\"kind\"")));

        mvc.perform(updateOrganisation(city.publicOrder(), "Ordnungsamt " + city.key(), "PUBLIC_ORDER_OFFICE", false)
                .with(as(city.coordinator()))).andExpect(status().is3xxRedirection());
        CurrentUser.runAs(SipaUser.system(city.id()),
                () -> assertThat(organisations.get(city.publicOrder()).active()).isFalse());
    }

    @Test
    void steeringGroupReadsButDoesNotMaintainTheNetwork() throws Exception {
        var steering = as(city.steeringUser());
        mvc.perform(post("/people/" + city.officer() + "/archive").with(steering).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/bodies").with(steering).with(csrf()).param("name", "AG").param("shortName", "AG")
                .param("kind", "WORKING_GROUP")).andExpect(status().isForbidden());
        mvc.perform(post("/bodies/" + city.steeringGroup() + "/members").with(steering).with(csrf())
                .param("personId", city.clerk().toString()).param("role", "GUEST").param("startsOn", "2025-01-01"))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsARoleMayNotSubmitAreRefusedInsteadOfShown() throws Exception {
        var steering = as(city.steeringUser());
        for (var form : new String[] {"/bodies/new", "/bodies/" + city.steeringGroup() + "/edit", "/organisations/new",
            "/organisations/" + city.publicOrder() + "/edit", "/people/new", "/people/" + city.clerk() + "/edit",
            "/import", "/meetings/new", "/topics/new", "/events/new"}) {
            mvc.perform(get(form).with(steering)).andExpect(status().isForbidden());
        }
        // partner staff get the forms of their own people and organisation, not those of the coordination
        var police = as(city.policeUser());
        mvc.perform(get("/people/new").with(police)).andExpect(status().isOk());
        mvc.perform(get("/people/" + city.officer() + "/edit").with(police)).andExpect(status().isOk());
        mvc.perform(get("/bodies/new").with(police)).andExpect(status().isForbidden());
        mvc.perform(get("/import").with(police)).andExpect(status().isForbidden());
        mvc.perform(get("/bodies/new").with(as(city.coordinator()))).andExpect(status().isOk());
    }

    @Test
    void partnerStaffGetNoFormOfAnotherOrganisationAndItsPeople() throws Exception {
        var police = as(city.policeUser());
        for (var form : new String[] {"/organisations/" + city.publicOrder() + "/edit", "/people/" + city.clerk() + "/edit",
            "/people/new?organisation=" + city.publicOrder()}) {
            mvc.perform(get(form).with(police)).andExpect(status().isForbidden());
        }
        // refused before the input is checked: an empty or invalid post gets no form with the other's data either
        mvc.perform(post("/organisations/" + city.publicOrder()).with(police).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(updateOrganisation(city.publicOrder(), "Gekapert " + city.key()).with(police))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + city.clerk()).with(police).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/people/" + city.clerk()).with(police).with(csrf())
                        .param("organisationId", city.police().toString())
                        .param("firstName", "Otto").param("lastName", "Abgeworben"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + city.clerk() + "/affiliations").with(police).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + city.clerk() + "/affiliations/" + city.police() + "/end").with(police)
                .with(csrf())).andExpect(status().isForbidden());

        // their own organisation and people they still maintain, and the coordinator every one
        mvc.perform(get("/organisations/" + city.police() + "/edit").with(police)).andExpect(status().isOk());
        mvc.perform(get("/people/" + city.officer() + "/edit").with(police)).andExpect(status().isOk());
        mvc.perform(get("/people/new?organisation=" + city.police()).with(police)).andExpect(status().isOk());
        var coordinator = as(city.coordinator());
        mvc.perform(get("/organisations/" + city.publicOrder() + "/edit").with(coordinator)).andExpect(status().isOk());
        mvc.perform(get("/people/" + city.clerk() + "/edit").with(coordinator)).andExpect(status().isOk());
        // another partnership's records stay unknown, not forbidden
        var other = fixtures.city();
        mvc.perform(get("/organisations/" + other.publicOrder() + "/edit").with(police))
                .andExpect(status().isNotFound());

        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            assertThat(organisations.get(city.publicOrder()).name()).startsWith("Ordnungsamt");
            assertThat(people.get(city.clerk()).lastName()).isEqualTo("Ordnung-" + city.key());
            assertThat(people.get(city.clerk()).organisation()).isEqualTo(city.publicOrder());
        });
    }

    @Test
    void onlyCoordinatorsSeeTheAuditTrailAndImport() throws Exception {
        mvc.perform(get("/audit").with(as(city.policeUser()))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(city.steeringUser()))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(city.coordinator()))).andExpect(status().isOk());
        mvc.perform(get("/import").with(as(city.coordinator()))).andExpect(status().isOk());
        mvc.perform(post("/import/confirm").with(as(city.policeUser())).with(csrf())
                .param("kind", "ORGANISATIONS").param("content", "")).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAdministratorManagesPartnerships() throws Exception {
        mvc.perform(get("/admin/partnerships").with(as(city.coordinator()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/partnerships").with(as(city.coordinator())).with(csrf())
                .param("name", "Feindliche Übernahme")).andExpect(status().isForbidden());
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    private static MockHttpServletRequestBuilder createOrganisation(String name) {
        return post("/organisations").with(csrf()).param("name", name).param("kind", "CIVIL_SOCIETY")
                .param("active", "true");
    }

    private static MockHttpServletRequestBuilder updateOrganisation(de.sipa.shared.OrganisationId id, String name) {
        return updateOrganisation(id, name, "POLICE_INSPECTION", true);
    }

    private static MockHttpServletRequestBuilder updateOrganisation(de.sipa.shared.OrganisationId id, String name,
            String kind, boolean active) {
        return post("/organisations/" + id).with(csrf()).param("name", name).param("kind", kind)
                .param("active", String.valueOf(active));
    }
}
