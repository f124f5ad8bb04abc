package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;

/** The joint patrols appear in the calendar every account subscribes to, next to its meetings and due dates. */
@SipaIntegrationTest
class PatrolsInTheAccountCalendarTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Patrols patrols;

    @Autowired
    Organisations organisations;

    @Test
    void anAccountsCalendarShowsThePatrolsItsOrganisationTakesPartInAndTheCoordinatorsShowsAll() throws Exception {
        var city = fixtures.city();
        var nextMonth = LocalDate.now(ZoneId.of("Europe/Berlin")).plusMonths(1);
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var youth = organisations.create(Fixtures.organisation("Jugendamt " + city.key(), OrganisationKind.YOUTH_OFFICE));
            var area = patrols.createArea("Schlossplatz", city.districts().get(0), PatrolsTests.PALASTGARTEN);
            patrols.planJointPatrol("Schlossplatz Jugendschutz", new PatrolSchedule(Set.of(nextMonth.getDayOfWeek()),
                    // Not skipping holidays: a month from 6 December is Epiphany, and the plan would have no patrol.
                    LocalTime.of(19, 0), LocalTime.of(23, 0), nextMonth, nextMonth, false),
                    List.of(area), List.of(new Staffing(city.police(), 1), new Staffing(youth, 1)));
        });

        assertThat(feed(city.policeUser())).contains("SUMMARY:Streife Schlossplatz Jugendschutz");
        assertThat(feed(city.coordinator())).contains("SUMMARY:Streife Schlossplatz Jugendschutz");
        assertThat(feed(city.publicOrderUser())).as("the Ordnungsamt does not take part")
                .doesNotContain("Schlossplatz");
    }

    private String feed(String username) throws Exception {
        var page = mvc.perform(get("/calendar").with(user(fixtures.user(username)))).andReturn().getResponse()
                .getContentAsString();
        var matcher = Pattern.compile("value=\"http://localhost(/kalender/[0-9a-f-]+\\.ics)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return mvc.perform(get(matcher.group(1))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
