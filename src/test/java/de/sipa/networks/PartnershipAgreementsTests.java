package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;

@SipaIntegrationTest
class PartnershipAgreementsTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    AgreementReminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    Clock clock;

    @Test
    void theAgreementIsPublicOnlyWhenAgreedItsDocumentIsAPdfAndItsReviewIsRemindedOnce() throws Exception {
        var city = fixtures.city();
        var other = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var review = LocalDate.now(clock).plusDays(10);
        mvc.perform(post("/network/agreement").with(csrf()).with(coordinator).param("title", "Vereinbarung " + city.key())
                .param("parties", "Stadt\nPolizeipräsidium").param("fields", "Jugendschutz\nÖffentlicher Raum")
                .param("startsOn", "2025-01-01").param("reviewOn", review.toString()));
        var page = mvc.perform(get("/network/agreement").with(coordinator)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Vereinbarung " + city.key(), "Polizeipräsidium", "Öffentlicher Raum");
        // another partnership sees its own (none), never this one
        assertThat(mvc.perform(get("/network/agreement").with(user(fixtures.user(other.coordinator())))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Vereinbarung " + city.key());
        var publicPage = "/buerger/stadt-" + city.key() + "/kooperationsvereinbarung";
        assertThat(mvc.perform(get(publicPage)).andReturn().getResponse().getStatus()).isEqualTo(404);

        var upload = mvc.perform(multipart("/network/agreement/document").file(new MockMultipartFile("document",
                "vereinbarung.txt", "text/plain", "kein PDF".getBytes())).with(csrf()).with(coordinator)).andReturn();
        assertThat(upload.getFlashMap().get("problem")).isNotNull();
        var pdf = "%PDF-1.4 unterschrieben".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/network/agreement/document").file(new MockMultipartFile("document",
                "vereinbarung.pdf", "application/pdf", pdf)).with(csrf()).with(coordinator));
        assertThat(mvc.perform(get("/network/agreement/document").with(coordinator)).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.perform(get(publicPage + ".pdf")).andReturn().getResponse().getStatus()).isEqualTo(404);

        mvc.perform(post("/network/agreement").with(csrf()).with(coordinator).param("title", "Vereinbarung " + city.key())
                .param("parties", "Stadt\nPolizeipräsidium").param("fields", "Jugendschutz")
                .param("startsOn", "2025-01-01").param("reviewOn", review.toString()).param("published", "true"));
        assertThat(mvc.perform(get(publicPage)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Vereinbarung " + city.key());
        assertThat(mvc.perform(get(publicPage + ".pdf")).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(pdf);

        var address = "koord-" + city.key() + "@stadt.example";
        reminders.remind();
        reminders.remind();
        var mails = CurrentUser.runAs(SipaUser.system(city.id()), () -> notifications.mailsTo(address));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("Vereinbarung " + city.key());
    }
}
