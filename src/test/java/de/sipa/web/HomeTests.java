package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.ReviewForm;
import de.sipa.responsibilities.Reviews;
import de.sipa.responsibilities.TopicDetails;

@SipaIntegrationTest
class HomeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Reviews reviews;

    @Test
    void theStartPageShowsGapsAndTheReviewEntriesWaitingForTheUsersOrganisation() throws Exception {
        var city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var noise = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            responsibilities.createTopic(new TopicDetails("Betteln", null, null, true));
            responsibilities.assign(new EntryDetails(noise.value(), null, null, city.police().value(),
                    Responsibility.LEAD, "1 Streife", null, "Start"));
            reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now().plusDays(5), List.of(), List.of()));
        });

        var police = mvc.perform(get("/").with(user(fixtures.user(city.policeUser())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(police).contains("Runde " + city.key(), "1 Eintrag/Einträge warten auf die Antwort Ihrer Organisation",
                "Lücken in der Zuständigkeitsmatrix");
        var publicOrder = mvc.perform(get("/").with(user(fixtures.user(city.publicOrderUser())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(publicOrder).contains("Runde " + city.key()).doesNotContain("warten auf die Antwort");
    }
}
