package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.shared.RuleViolationException;

/** A person working for a second organisation: a police officer seconded to the Ordnungsamt. */
@SipaIntegrationTest
class AffiliationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People people;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail auditTrail;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
    }

    @Test
    void theOfficersOwnOrganisationRecordsTheSecondmentAndTheDirectoryListsThemUnderBoth() throws Exception {
        mvc.perform(post("/people/" + city.officer() + "/affiliations").with(user(fixtures.user(city.policeUser())))
                        .with(csrf()).param("organisationId", city.publicOrder().toString())
                        .param("function", "abgeordnet zur Sicherheitskoordination"))
                .andExpect(status().is3xxRedirection());

        var affiliations = as(() -> people.affiliationsOf(city.officer()));
        assertThat(affiliations).singleElement().satisfies(a -> {
            assertThat(a.organisation()).isEqualTo(city.publicOrder());
            assertThat(a.organisationName()).isEqualTo("Ordnungsamt " + city.key());
            assertThat(a.function()).isEqualTo("abgeordnet zur Sicherheitskoordination");
        });
        var ofOrdnungsamt = as(() -> directory.search(new DirectoryQuery(null, city.publicOrder().value(), null, null,
                null), PageRequest.of(0, 25)).getContent());
        assertThat(ofOrdnungsamt).extracting(DirectoryEntry::id).containsExactlyInAnyOrder(city.clerk(), city.officer());
        assertThat(ofOrdnungsamt).filteredOn(e -> e.id().equals(city.officer())).singleElement()
                .satisfies(e -> {
                    assertThat(e.organisation()).isEqualTo("Polizeirevier " + city.key());
                    assertThat(e.alsoFor()).containsExactly("Ordnungsamt " + city.key());
                });
        var byOrganisationName = as(() -> directory.search(new DirectoryQuery("Ordnungsamt " + city.key(), null, null,
                null, null), PageRequest.of(0, 25)).getContent());
        assertThat(byOrganisationName).extracting(DirectoryEntry::id).contains(city.officer());
        assertThat(as(() -> auditTrail.entries("arbeitet auch für", PageRequest.of(0, 5)).getContent()))
                .anySatisfy(entry -> assertThat(entry.summary()).contains("Ordnungsamt " + city.key()));

        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(get("/organisations/" + city.publicOrder()).with(coordinator))
                .andExpect(content().string(containsString("Auch für diese Organisation tätig")))
                .andExpect(content().string(containsString("abgeordnet zur Sicherheitskoordination")));
        mvc.perform(get("/directory").param("organisation", city.publicOrder().toString()).with(coordinator))
                .andExpect(content().string(containsString("auch: Ordnungsamt " + city.key())));

        mvc.perform(post("/people/" + city.officer() + "/affiliations/" + city.publicOrder() + "/end")
                .with(user(fixtures.user(city.policeUser()))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(as(() -> people.affiliationsOf(city.officer()))).isEmpty();
    }

    @Test
    void neitherTheOwnOrganisationTwiceNorTheSameOrganisationAgain() {
        as(() -> {
            people.affiliate(city.officer(), new AffiliationDetails(city.publicOrder().value(), null));
            return null;
        });
        assertThatThrownBy(() -> as(() -> {
            people.affiliate(city.officer(), new AffiliationDetails(city.police().value(), null));
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("affiliation.ownOrganisation"));
        assertThatThrownBy(() -> as(() -> {
            people.affiliate(city.officer(), new AffiliationDetails(city.publicOrder().value(), "doppelt"));
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("affiliation.exists"));
        var elsewhere = fixtures.city();
        assertThatThrownBy(() -> as(() -> {
            people.affiliate(city.clerk(), new AffiliationDetails(elsewhere.police().value(), null));
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("person.organisation.unknown"));
        assertThat(as(() -> people.affiliationsOf(city.officer()))).hasSize(1);
        assertThat(as(() -> people.affiliationsOf(city.clerk()))).isEmpty();
    }

    @Test
    void anotherOrganisationOrTheSteeringGroupCannotClaimSomeoneElsesPerson() throws Exception {
        for (var username : List.of(city.publicOrderUser(), city.steeringUser())) {
            mvc.perform(post("/people/" + city.officer() + "/affiliations").with(user(fixtures.user(username)))
                    .with(csrf()).param("organisationId", city.publicOrder().toString()))
                    .andExpect(status().isForbidden());
        }
        assertThat(as(() -> people.affiliationsOf(city.officer()))).isEmpty();
    }

    private <T> T as(Supplier<T> action) {
        return CurrentUser.runAs(SipaUser.system(city.id()), action::get);
    }
}
