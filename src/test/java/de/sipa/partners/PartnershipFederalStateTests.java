package de.sipa.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.shared.FederalState;

/** The partnership names its Land; the Land's public holidays count for its deadlines and patrols. */
@SipaIntegrationTest
class PartnershipFederalStateTests {

    private static final LocalDate CORPUS_CHRISTI_2026 = LocalDate.of(2026, 6, 4);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Accounts accounts;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
    }

    @Test
    void theCoordinatorChangesTheLandAndItsHolidaysCountFromThen() throws Exception {
        assertThat(partnerships.holidays(city.id()).isHoliday(CORPUS_CHRISTI_2026)).isTrue();
        assertThat(page(city.coordinator())).contains("Baden-Württemberg", "action=\"/partnership/federal-state\"");

        mvc.perform(post("/partnership/federal-state").param("federalState", "BE")
                        .with(user(fixtures.user(city.coordinator()))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "partnership.federalState.saved"));

        assertThat(partnerships.holidays(city.id()).state()).isEqualTo(FederalState.BE);
        assertThat(partnerships.holidays(city.id()).isHoliday(CORPUS_CHRISTI_2026)).isFalse();
        assertThat(page(city.coordinator())).contains("<dd id=\"partnership-federal-state\">Berlin</dd>");
    }

    @Test
    void partnersSeeTheLandButMayNotChangeIt() throws Exception {
        assertThat(page(city.policeUser())).contains("Baden-Württemberg")
                .doesNotContain("action=\"/partnership/federal-state\"");
        mvc.perform(post("/partnership/federal-state").param("federalState", "BY")
                .with(user(fixtures.user(city.policeUser()))).with(csrf())).andExpect(status().isForbidden());
        assertThat(partnerships.holidays(city.id()).state()).isEqualTo(FederalState.BW);
    }

    @Test
    void theAdministratorNamesTheLandOfANewPartnership() throws Exception {
        var admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser.runAs(SipaUser.system(city.id()), () -> accounts.open(new NewAccount(city.id(), null, admin,
                "Administration", null, Fixtures.PASSWORD, Role.ADMIN)));
        var asAdmin = user(fixtures.user(admin));
        assertThat(mvc.perform(get("/admin/partnerships/new").with(asAdmin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("name=\"federalState\"", "Rheinland-Pfalz");

        var key = UUID.randomUUID().toString().substring(0, 8);
        var form = post("/admin/partnerships").with(asAdmin).with(csrf()).param("name", "Stadt " + key)
                .param("slug", "land-" + key).param("districts", "Mitte").param("coordinationOffice", "KKP")
                .param("coordinatorUsername", "koord-land-" + key).param("coordinatorName", "Koordination")
                .param("coordinatorPassword", Fixtures.PASSWORD);
        assertThat(mvc.perform(form).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as("without a Land the form comes back").contains("Bitte wählen Sie das Land der Partnerschaft.");

        mvc.perform(form.param("federalState", "RP")).andExpect(status().is3xxRedirection());
        var created = partnerships.bySlug("land-" + key).orElseThrow();
        assertThat(created.federalState()).isEqualTo(FederalState.RP);
        assertThat(partnerships.holidays(created.id()).isHoliday(CORPUS_CHRISTI_2026)).isTrue();
    }

    private String page(String username) throws Exception {
        return mvc.perform(get("/partnership").with(user(fixtures.user(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
