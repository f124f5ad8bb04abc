package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/** Patrols planned and staffed through their pages. */
@SipaIntegrationTest
class PatrolPagesTests {

    private static final Pattern PATROL_LINK = Pattern.compile("/patrols/([0-9a-f-]{36})\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void theCoordinatorPlansAJointPatrolAndEachOrganisationStaffsItsOwnSlots() throws Exception {
        var city = fixtures.city();
        var coordinator = as(city.coordinator());
        var police = as(city.policeUser());

        mvc.perform(post("/patrols/areas").with(coordinator).with(csrf()).param("name", "Schlossgarten")
                        .param("geometry", "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}"))
                .andExpect(status().isOk());
        var area = mvc.perform(post("/patrols/areas").with(coordinator).with(csrf()).param("name", "Schlossgarten")
                        .param("districtId", city.districts().get(0).toString()).param("geometry", PatrolsTests.PALASTGARTEN))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var areaId = area.substring(area.lastIndexOf('/') + 1);
        assertThat(mvc.perform(get(area).with(police)).andReturn().getResponse().getContentAsString())
                .contains("data-geojson=\"{&quot;type&quot;:&quot;Polygon&quot;");

        var plan = mvc.perform(post("/patrols/plans").with(coordinator).with(csrf()).param("name", "Schlossgarten abends")
                        .param("weekdays", "FRIDAY", "SATURDAY").param("startsAt", "20:00").param("endsAt", "02:00")
                        .param("validFrom", "2027-03-01").param("validUntil", "2027-03-31").param("areaIds", areaId)
                        .param("required-" + city.police(), "2").param("required-" + city.publicOrder(), "1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(plan).with(police)).andReturn().getResponse().getContentAsString())
                .contains("Fr, Sa 20:00–02:00", "2 Polizeirevier " + city.key());
        mvc.perform(post("/patrols/plans").with(police).with(csrf()).param("name", "Eigenmächtig")
                        .param("weekdays", "FRIDAY").param("startsAt", "20:00").param("endsAt", "02:00")
                        .param("validFrom", "2027-03-01").param("validUntil", "2027-03-31").param("areaIds", areaId))
                .andExpect(status().isForbidden());

        var roster = mvc.perform(get("/patrols").param("week", "2027-W09").with(police)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(roster).contains("Schlossgarten abends", "Fr. 05.03.2027", "Sa. 06.03.2027", "20:00–02:00", "2 fehlen",
                "class=\"gap\"");
        var matcher = PATROL_LINK.matcher(roster);
        assertThat(matcher.find()).isTrue();
        var patrol = "/patrols/" + matcher.group(1);

        mvc.perform(post(patrol + "/duties").with(police).with(csrf()).param("person", city.officer().toString()))
                .andExpect(flash().attribute("success", "patrol.assigned"));
        mvc.perform(post(patrol + "/duties").with(police).with(csrf()).param("person", city.clerk().toString()))
                .andExpect(status().isForbidden());
        var page = mvc.perform(get(patrol).with(as(city.publicOrderUser()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Paula Polizei-" + city.key(), "1 von 2", "id=\"person-" + city.publicOrder() + "\"")
                .doesNotContain("id=\"person-" + city.police() + "\"");
        assertThat(mvc.perform(get("/patrols/gaps").param("until", "2027-03-31").with(as(city.publicOrderUser()))).andReturn().getResponse()
                .getContentAsString()).contains("Schlossgarten abends", "1 fehlt");
        var ownView = mvc.perform(get("/patrols").param("week", "2027-W09").param("organisation",
                city.publicOrder().toString()).with(police)).andReturn().getResponse().getContentAsString();
        assertThat(ownView).contains("Ordnungsamt " + city.key()).doesNotContain("Paula Polizei-" + city.key());

        var calendarPage = mvc.perform(get("/patrols/people/" + city.officer() + "/calendar").with(police))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var feedUrl = calendarPage.replaceAll("(?s).*(/kalender/streifen/[0-9a-f-]{36}\\.ics).*", "$1");
        assertThat(mvc.perform(get(feedUrl)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("SUMMARY:Streife Schlossgarten abends");
        mvc.perform(get("/patrols/people/" + city.officer() + "/calendar").with(as(city.publicOrderUser())))
                .andExpect(status().isForbidden());

        for (var path : new String[] {"/patrols/plans/new", "/patrols/areas/new", "/patrols/plans", "/patrols/areas",
                "/patrols/statistics?year=2027", patrol + "/report", "/patrols?year=2027"}) {
            mvc.perform(get(path).with(coordinator)).andExpect(status().isOk());
        }
        assertThat(mvc.perform(get("/patrols/plans/new").with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains("value=\"FRIDAY\" id=\"weekdays5\" name=\"weekdays\" checked", "Schlossgarten",
                "name=\"required-" + city.police() + "\"");

        var other = fixtures.city();
        mvc.perform(get(patrol).with(as(other.coordinator()))).andExpect(status().isNotFound());
        mvc.perform(post(patrol + "/duties").with(as(other.policeUser())).with(csrf())
                .param("person", other.officer().toString())).andExpect(status().isNotFound());
    }

    @Test
    void theCoordinatorChangesAPlanFromADayOnAndEndsItOnItsPage() throws Exception {
        var city = fixtures.city();
        var coordinator = as(city.coordinator());
        var area = mvc.perform(post("/patrols/areas").with(coordinator).with(csrf()).param("name", "Marktplatz")
                        .param("geometry", PatrolsTests.PALASTGARTEN))
                .andReturn().getResponse().getRedirectedUrl();
        var areaId = area.substring(area.lastIndexOf('/') + 1);
        var plan = mvc.perform(post("/patrols/plans").with(coordinator).with(csrf()).param("name", "Marktplatz")
                        .param("weekdays", "FRIDAY").param("startsAt", "20:00").param("endsAt", "02:00")
                        .param("validFrom", "2027-03-01").param("validUntil", "2027-03-31").param("areaIds", areaId)
                        .param("required-" + city.police(), "2").param("required-" + city.publicOrder(), "1"))
                .andReturn().getResponse().getRedirectedUrl();
        var page = mvc.perform(get(plan).with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"end-plan\"", "Änderungen gelten frühestens ab morgen");
        assertThat(mvc.perform(get(plan).with(as(city.policeUser()))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"end-plan\"");
        assertThat(mvc.perform(get(plan + "/edit").with(coordinator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString())
                .containsPattern("name=\"required-" + city.police() + "\"\\s+value=\"2\"")
                .contains("name=\"changesFrom\"", "value=\"Marktplatz\"");

        var successor = mvc.perform(post(plan).with(coordinator).with(csrf()).param("name", "Marktplatz spät")
                        .param("changesFrom", "2027-03-15").param("weekdays", "FRIDAY").param("startsAt", "21:00")
                        .param("endsAt", "03:00").param("validFrom", "2027-03-01").param("validUntil", "2027-03-31")
                        .param("areaIds", areaId).param("required-" + city.police(), "2")
                        .param("required-" + city.publicOrder(), "1"))
                .andExpect(flash().attribute("success", "patrolPlan.changed")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(successor).isNotEqualTo(plan);
        assertThat(mvc.perform(get(successor).with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("Marktplatz spät", "Fr 21:00–03:00", "15.03.2027 – 31.03.2027");
        assertThat(mvc.perform(post(plan).with(coordinator).with(csrf()).param("name", "Marktplatz")
                        .param("changesFrom", "2020-01-01").param("weekdays", "FRIDAY").param("startsAt", "21:00")
                        .param("endsAt", "03:00").param("validFrom", "2027-03-01").param("validUntil", "2027-03-14")
                        .param("areaIds", areaId).param("required-" + city.police(), "2")
                        .param("required-" + city.publicOrder(), "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Änderungen gelten frühestens ab morgen, ein Plan endet frühestens heute");

        var ended = mvc.perform(post(successor + "/end").with(coordinator).with(csrf()).param("lastDay", "2027-03-20"))
                .andExpect(flash().attribute("success", "patrolPlan.changed")).andReturn();
        // The flash travels in the session (Spring Session), so the next request brings the session's cookie.
        assertThat(mvc.perform(get(successor).with(coordinator).cookie(ended.getResponse().getCookies())).andReturn()
                .getResponse().getContentAsString()).contains("Der Streifenplan ist geändert.",
                        "0 Streifen neu angelegt, 1 entfallen, 0 mit Einteilungen abgesagt; 0 Organisationen");
        mvc.perform(post(successor + "/end").with(coordinator).with(csrf()).param("lastDay", "2027-03-25"))
                .andExpect(flash().attribute("problem", "Der Plan gilt bis zum 20.03.2027; der neue letzte Tag muss davor liegen."));
        mvc.perform(post(successor + "/end").with(as(city.policeUser())).with(csrf()).param("lastDay", "2027-03-19"))
                .andExpect(status().isForbidden());
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }
}
