package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/** A user of partnership B can never see or change a record of partnership A: by id in a URL, or in a list. */
@SipaIntegrationTest
class TenantIsolationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    Bodies bodies;

    City a;
    City b;

    @BeforeEach
    void twoCities() {
        a = fixtures.city();
        b = fixtures.city();
    }

    @Test
    void recordsOfAnotherPartnershipAreNotFoundByIdInTheUrl() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        for (var url : new String[] {"/organisations/" + a.police(), "/organisations/" + a.police() + "/edit",
            "/people/" + a.officer(), "/people/" + a.officer() + "/edit", "/bodies/" + a.steeringGroup(),
            "/bodies/" + a.steeringGroup() + "/edit", "/districts/" + a.districts().get(0)}) {
            mvc.perform(get(url).with(coordinatorOfB)).andExpect(status().isNotFound());
        }
    }

    @Test
    void recordsOfAnotherPartnershipCannotBeChangedOrDeleted() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        mvc.perform(post("/organisations/" + a.police()).with(coordinatorOfB).with(csrf())
                        .param("name", "Übernommen").param("kind", "OTHER").param("active", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisations/" + a.police() + "/delete").with(coordinatorOfB).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + a.officer() + "/archive").with(coordinatorOfB).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/bodies/" + a.steeringGroup() + "/delete").with(coordinatorOfB).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/districts/" + a.districts().get(0) + "/boundary").with(coordinatorOfB).with(csrf())
                        .param("boundary", ""))
                .andExpect(status().isNotFound());

        CurrentUser.runAs(SipaUser.system(a.id()), () -> {
            assertThat(organisations.get(a.police()).name()).startsWith("Polizeirevier");
            assertThat(people.get(a.officer()).lastName()).startsWith("Polizei-");
        });
    }

    @Test
    void listsAndExportsShowOnlyTheOwnPartnership() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        var directory = mvc.perform(get("/directory").with(coordinatorOfB)).andReturn().getResponse()
                .getContentAsString();
        assertThat(directory).contains("Polizei-" + b.key()).doesNotContain("Polizei-" + a.key());

        var list = mvc.perform(get("/organisations").with(coordinatorOfB)).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Polizeirevier " + b.key()).doesNotContain("Polizeirevier " + a.key());

        var csv = mvc.perform(get("/directory.csv").with(coordinatorOfB)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Polizei-" + b.key()).doesNotContain(a.key());

        var vcards = mvc.perform(get("/directory.vcf").with(coordinatorOfB)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(vcards).contains("Polizei-" + b.key()).doesNotContain(a.key());
    }

    @Test
    void filteringByAnotherPartnershipsIdsFindsNothing() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        var page = mvc.perform(get("/directory").with(coordinatorOfB)
                        .param("organisation", a.police().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Polizei-" + a.key()).contains("Niemand gefunden");
    }

    @Test
    void anotherPartnershipsOrganisationCannotBeUsedForANewPerson() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        mvc.perform(post("/people").with(coordinatorOfB).with(csrf())
                        .param("organisationId", a.police().toString())
                        .param("firstName", "Eva").param("lastName", "Eindringling-" + b.key()))
                .andExpect(status().isOk());
        CurrentUser.runAs(SipaUser.system(a.id()), () -> assertThat(people.ofOrganisation(a.police()))
                .noneMatch(p -> p.lastName().startsWith("Eindringling")));
        CurrentUser.runAs(SipaUser.system(b.id()), () -> assertThat(people.all())
                .noneMatch(p -> p.lastName().startsWith("Eindringling")));
    }

    @Test
    void anotherPartnershipsPersonCannotJoinABody() throws Exception {
        var coordinatorOfB = user(fixtures.user(b.coordinator()));
        mvc.perform(post("/bodies/" + b.steeringGroup() + "/members").with(coordinatorOfB).with(csrf())
                        .param("personId", a.officer().toString()).param("role", "GUEST")
                        .param("startsOn", "2025-01-01"))
                .andExpect(status().isOk());
        CurrentUser.runAs(SipaUser.system(b.id()), () -> assertThat(bodies.members(b.steeringGroup()))
                .noneMatch(m -> m.person().id().equals(a.officer())));
    }
}
