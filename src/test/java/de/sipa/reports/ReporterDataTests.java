package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Mail;
import de.sipa.notifications.Notifications;

/** A reporter's information and erasure request, as the coordination handles it. */
@SipaIntegrationTest
class ReporterDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinationSeesDownloadsAndErasesWhatIsKeptAboutAnAddressAndNothingElse() throws Exception {
        var city = fixtures.city();
        var other = fixtures.city();
        var email = "Klara.Meier@example.org";
        var first = report(city, "Laterne am Spielplatz defekt", new Contact("Klara Meier", email, "0711 123"));
        var second = report(city, "Wieder dunkel", new Contact(null, "klara.meier@EXAMPLE.org", null));
        var stranger = report(city, "Müll am Ufer", new Contact("Jan Roth", "jan@example.org", null));
        var elsewhere = report(other, "Gleiche Adresse, andere Stadt", new Contact("Klara Meier", email, null));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            notifications.send(Mail.of(city.id(), email, "Ihr Anliegen ist erledigt", "Guten Tag …"));
        });
        var coordinator = user(fixtures.user(city.coordinator()));

        var page = mvc.perform(post("/reports/privacy").with(coordinator).with(csrf()).param("email", email))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2 Anliegen, 1 E-Mail(s)").contains("Klara Meier, Klara.Meier@example.org, 0711 123")
                .doesNotContain("Jan Roth").doesNotContain("Gleiche Adresse");

        var json = mvc.perform(post("/reports/privacy/export").with(coordinator).with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"auskunft-anliegen.json\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("Laterne am Spielplatz defekt").contains("Wieder dunkel")
                .contains("Ihr Anliegen ist erledigt").doesNotContain("Müll am Ufer");

        mvc.perform(post("/reports/privacy/erase").with(coordinator).with(csrf()).param("email", email))
                .andExpect(status().is3xxRedirection());

        assertThat(contact(first)).containsExactly(null, null, null);
        assertThat(contact(second)).containsExactly(null, null, null);
        assertThat(contact(stranger)).containsExactly("Jan Roth", "jan@example.org", null);
        assertThat(contact(elsewhere)).as("another partnership's record").containsExactly("Klara Meier", email, null);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications_mail WHERE partnership_id = ? AND lower(recipient) = ?")
                .params(city.id().value(), email.toLowerCase()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT description FROM reports_report WHERE id = ?").param(first.value())
                .query(String.class).single()).as("the report stays").isEqualTo("Laterne am Spielplatz defekt");
        var audit = jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND subject_type = "
                + "'ReporterData' ORDER BY chain_position").param(city.id().value()).query(String.class).list();
        assertThat(audit).containsExactly("Auskunft zu K…@example.org heruntergeladen (2 Anliegen, 1 E-Mails)",
                "Kontaktdaten zu K…@example.org auf Verlangen gelöscht (2 Anliegen, 1 E-Mails)");
        assertThat(String.join(" ", audit)).doesNotContain("Klara.Meier");
    }

    @Test
    void partnersMayNotAskAndAnEmptyAddressIsRefusedWithAMessage() throws Exception {
        var city = fixtures.city();
        mvc.perform(get("/reports/privacy").with(user(fixtures.user(city.policeUser())))).andExpect(status().isForbidden());
        mvc.perform(post("/reports/privacy/erase").with(user(fixtures.user(city.policeUser()))).with(csrf())
                .param("email", "x@example.org")).andExpect(status().isForbidden());
        var page = mvc.perform(post("/reports/privacy").with(user(fixtures.user(city.coordinator()))).with(csrf())
                .param("email", "  ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bitte geben Sie eine E-Mail-Adresse an.");
    }

    private ReportId report(City city, String description, Contact contact) {
        return CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var category = categories.create(new Category(CategoryId.random(), "s" + description.hashCode(), "Sonstiges", null, null, 3,
                    false, null, true, List.of(), true));
            return reports.submit(new NewReport(city.id(), category, description, 48.775, 9.18, null, null, Map.of(),
                    contact, ReportSource.CITIZEN)).report();
        });
    }

    private List<String> contact(ReportId report) {
        return jdbc.sql("SELECT reporter_name, reporter_email, reporter_phone FROM reports_report WHERE id = ?")
                .param(report.value())
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }
}
