package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.Accounts;
import de.sipa.identity.AccountView;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class AccountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Test
    void theCoordinatorOpensAnAccountForPartnerStaffWhoCanThenLogIn() throws Exception {
        var city = fixtures.city();
        var username = "jugendamt-" + city.key();
        mvc.perform(post("/accounts").with(user(fixtures.user(city.coordinator()))).with(csrf())
                        .param("username", username).param("displayName", "Julia Jugend")
                        .param("organisationId", city.publicOrder().toString()).param("role", "PARTNER")
                        .param("password", "lang-genug-123"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "lang-genug-123"))
                .andExpect(authenticated().withRoles("PARTNER"));
    }

    @Test
    void aShortPasswordOrAnAdministratorRoleIsRefused() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var page = mvc.perform(post("/accounts").with(coordinator).with(csrf())
                        .param("username", "kurz-" + city.key()).param("displayName", "Kurz")
                        .param("organisationId", city.police().toString()).param("role", "PARTNER")
                        .param("password", "kurz"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("muss mindestens 12 Zeichen lang sein");

        mvc.perform(post("/accounts").with(coordinator).with(csrf())
                        .param("username", "chef-" + city.key()).param("displayName", "Chef")
                        .param("organisationId", city.police().toString()).param("role", "ADMIN")
                        .param("password", "lang-genug-123"))
                .andExpect(status().isOk());
        assertThat(accountsOf(city.id())).extracting(AccountView::username)
                .doesNotContain("kurz-" + city.key(), "chef-" + city.key());
    }

    @Test
    void aLockedAccountCannotLogIn() throws Exception {
        var city = fixtures.city();
        var police = accountsOf(city.id()).stream().filter(a -> a.username().equals(city.policeUser())).findFirst()
                .orElseThrow();
        mvc.perform(post("/accounts/" + police.id() + "/enabled").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("enabled", "false")).andExpect(status().is3xxRedirection());

        mvc.perform(post("/login").with(csrf()).param("username", city.policeUser()).param("password", Fixtures.PASSWORD))
                .andExpect(unauthenticated());
    }

    @Test
    void partnersCannotManageAccountsAndCoordinatorsOnlyTheirOwnPartnerships() throws Exception {
        var a = fixtures.city();
        var b = fixtures.city();
        mvc.perform(get("/accounts").with(user(fixtures.user(a.policeUser())))).andExpect(status().isForbidden());

        var policeOfA = accountsOf(a.id()).stream().filter(x -> x.username().equals(a.policeUser())).findFirst()
                .orElseThrow();
        mvc.perform(post("/accounts/" + policeOfA.id() + "/enabled").with(user(fixtures.user(b.coordinator())))
                .with(csrf()).param("enabled", "false")).andExpect(status().isNotFound());
        assertThat(accountsOf(a.id())).filteredOn(x -> x.id().equals(policeOfA.id()))
                .singleElement().extracting(AccountView::enabled).isEqualTo(true);
    }

    private java.util.List<AccountView> accountsOf(de.sipa.shared.PartnershipId partnership) {
        return CurrentUser.runAs(SipaUser.system(partnership), accounts::ofMyPartnership);
    }
}
