package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
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

/** People who leave are archived: out of the directory and the choices, their history kept. */
@SipaIntegrationTest
class PersonArchiveTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People people;

    @Autowired
    Bodies bodies;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Clock clock;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
    }

    @Test
    void theChairWhoLeavesKeepsTheirPastSeatWhichEndsTodayAndDisappearsFromTheDirectory() throws Exception {
        as(() -> people.affiliate(city.officer(), new AffiliationDetails(city.publicOrder().value(), null)));
        mvc.perform(post("/people/" + city.officer() + "/archive").with(user(fixtures.user(city.policeUser())))
                .with(csrf())).andExpect(status().is3xxRedirection());

        var officer = as(() -> people.get(city.officer()));
        assertThat(officer.archived()).isTrue();
        assertThat(as(() -> bodies.membershipsOf(city.officer()))).singleElement().satisfies(m -> {
            assertThat(m.startsOn()).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(m.endsOn()).isEqualTo(LocalDate.now(clock));
        });
        assertThat(as(() -> people.affiliationsOf(city.officer()))).isEmpty();
        assertThat(as(() -> people.ofOrganisation(city.police()))).extracting(Person::id)
                .doesNotContain(city.officer());
        assertThat(as(() -> people.active())).extracting(Person::id).doesNotContain(city.officer())
                .contains(city.clerk());
        assertThat(as(() -> people.all())).extracting(Person::id).contains(city.officer());
        assertThat(as(() -> directory.search(DirectoryQuery.everyone(), PageRequest.of(0, 50)).getContent()))
                .extracting(DirectoryEntry::id).containsExactly(city.clerk());
        assertThat(as(() -> auditTrail.entries("archiviert", PageRequest.of(0, 5)).getContent()))
                .anySatisfy(e -> assertThat(e.summary()).contains(officer.fullName()));

        mvc.perform(get("/people/" + city.officer()).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Diese Person ist archiviert")))
                .andExpect(content().string(not(containsString("/archive"))));
        assertThatThrownBy(() -> as(() -> people.update(city.officer(), officer.details())))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("person.archived"));
    }

    @Test
    void anotherOrganisationCannotArchiveSomeoneElsesPerson() throws Exception {
        mvc.perform(post("/people/" + city.officer() + "/archive").with(user(fixtures.user(city.publicOrderUser())))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(as(() -> people.get(city.officer()).archived())).isFalse();
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}
