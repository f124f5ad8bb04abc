package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

/** The public page of a published place: concept and progress, moderated comments, a rating once a month. */
@SipaIntegrationTest
class PublicPlacePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    SafetyConcepts concepts;

    @Autowired
    JdbcClient jdbc;

    Fixtures.City city;
    PlaceId garden;
    String publicPage;

    @BeforeEach
    void aPlaceWithAConcept() {
        city = fixtures.city();
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        garden = CurrentUser.runAs(principal.sipaUser(), () -> {
            var id = places.create(new PlaceDraft("Palastgarten", null, Deficit.BOTH, "Dunkle Wege am See", null,
                    null, PlaceOrigin.MANUAL, PlacesTests.GARDEN, null));
            concepts.changeGoals(id, "Der Park ist abends hell");
            concepts.addMeasure(id, new MeasureDraft(MeasureKind.LIGHTING, "LED-Beleuchtung", "61 neue Leuchten", null,
                    city.publicOrder(), 180_000L, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 15),
                    MeasureStatus.DONE));
            concepts.addMeasure(id, new MeasureDraft(MeasureKind.VIDEO, "Verworfene Kamera", "", "§ 21 Abs. 3 PolG BW",
                    city.police(), null, null, null, MeasureStatus.DROPPED));
            return id;
        });
        publicPage = "/buerger/stadt-" + city.key() + "/orte/" + garden;
    }

    @Test
    void anUnpublishedPlaceIsNotFoundPubliclyAndThePublishedOneShowsItsConceptInPlainWords() throws Exception {
        mvc.perform(get(publicPage)).andExpect(status().isNotFound());
        mvc.perform(post("/orte/" + garden + "/konzept/veroeffentlichung").with(user(fixtures.user(city.policeUser())))
                .with(csrf()).param("published", "true")).andExpect(status().isForbidden());

        publish(true);

        var page = page(publicPage, null);
        assertThat(page.select("h1").text()).isEqualTo("Palastgarten");
        assertThat(page.select("#public-status").text()).isEqualTo("Maßnahmen laufen.");
        assertThat(page.select("#public-goals").text()).isEqualTo("Der Park ist abends hell");
        assertThat(page.select("#public-measures li").text()).contains("LED-Beleuchtung", "Erledigt",
                "61 neue Leuchten").doesNotContain("Verworfene Kamera", "180.000");
        assertThat(page.select("#public-measures progress").attr("value")).isEqualTo("100");
        assertThat(page.select(".legal-links a").eachText()).contains("Impressum");
        var other = fixtures.city();
        mvc.perform(get("/buerger/stadt-" + other.key() + "/orte/" + garden)).andExpect(status().isNotFound());

        publish(false);
        mvc.perform(get(publicPage)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? AND summary LIKE '%öffentlich%'"
                + " ORDER BY chain_position").param(garden.toString()).query(String.class).list())
                .containsExactly("Ort Palastgarten veröffentlicht", "Ort Palastgarten: Veröffentlichung zurückgenommen");
    }

    @Test
    void aDeviceRatesOnceAMonthAndTheRatingKeepsNoAddressOrAccount() throws Exception {
        publish(true);
        mvc.perform(post(publicPage + "/bewertung").with(csrf()).param("score", "4"))
                .andExpect(status().is3xxRedirection());

        var first = mvc.perform(post(publicPage + "/bewertung").with(csrf()).param("score", "2"))
                .andExpect(flash().attribute("success", "publicPlace.rating.thanks")).andReturn().getResponse();
        var device = new Cookie(PublicPlaceController.DEVICE_COOKIE,
                first.getCookie(PublicPlaceController.DEVICE_COOKIE) == null ? headerToken(first.getHeader("Set-Cookie"))
                        : first.getCookie(PublicPlaceController.DEVICE_COOKIE).getValue());
        mvc.perform(post(publicPage + "/bewertung").with(csrf()).cookie(device).param("score", "5"))
                .andExpect(flash().attribute("problem", "Sie haben diesen Ort in diesem Monat schon bewertet. "
                        + "Im nächsten Monat können Sie wieder bewerten."));
        mvc.perform(post(publicPage + "/bewertung").with(csrf()).cookie(new Cookie(PublicPlaceController.DEVICE_COOKIE,
                UUID.randomUUID().toString())).param("score", "9"))
                .andExpect(flash().attribute("problem", "Bitte eine Bewertung von 1 bis 5 wählen."));

        assertThat(page(publicPage, device).select("#rated")).isNotEmpty();
        assertThat(page(publicPage, null).select("#rating-form")).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM places_rating WHERE place_id = ?").param(garden.value())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'places_rating'")
                .query(String.class).list()).containsExactlyInAnyOrder("place_id", "device_hash", "month", "score");
        assertThat(jdbc.sql("SELECT device_hash FROM places_rating WHERE place_id = ?").param(garden.value())
                .query(String.class).list()).doesNotContain(device.getValue())
                .contains(PublicPlaces.hash(garden, device.getValue()));
        var ratings = page(publicPage, null).select("#ratings tbody tr");
        assertThat(ratings).hasSize(1);
        assertThat(ratings.text()).contains("3,0", "2");
        var staff = Jsoup.parse(mvc.perform(get("/orte/" + garden + "/konzept")
                .with(user(fixtures.user(city.steeringUser())))).andReturn().getResponse().getContentAsString());
        assertThat(staff.select("#ratings tbody tr").text()).contains("3,0");
    }

    @Test
    void aCommentIsShownOnlyOnceTheCoordinationApprovedIt() throws Exception {
        publish(true);
        mvc.perform(post(publicPage + "/kommentar").with(csrf()).param("text", "Seit den neuen Lampen gehe ich wieder durch."))
                .andExpect(flash().attribute("success", "publicPlace.comment.thanks"));
        mvc.perform(post(publicPage + "/kommentar").with(csrf()).param("text", "Bot").param("website", "http://spam"))
                .andExpect(flash().attribute("success", "publicPlace.comment.thanks"));
        mvc.perform(post(publicPage + "/kommentar").with(csrf()).param("text", " "))
                .andExpect(flash().attribute("problem", "Bitte schreiben Sie einen Kommentar."));
        assertThat(page(publicPage, null).select("#public-comments")).isEmpty();

        var coordinator = user(fixtures.user(city.coordinator()));
        var concept = Jsoup.parse(mvc.perform(get("/orte/" + garden + "/konzept").with(coordinator)).andReturn()
                .getResponse().getContentAsString());
        assertThat(concept.select("#pending-comments li")).hasSize(1);
        var approve = concept.select("#pending-comments form").attr("action");
        mvc.perform(post(approve).with(user(fixtures.user(city.policeUser()))).with(csrf()).param("publish", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(approve).with(coordinator).with(csrf()).param("publish", "true"))
                .andExpect(flash().attribute("success", "placeComment.approved"));

        assertThat(page(publicPage, null).select("#public-comments").text())
                .contains("Seit den neuen Lampen gehe ich wieder durch.").doesNotContain("Bot");
    }

    private static String headerToken(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private void publish(boolean published) throws Exception {
        mvc.perform(post("/orte/" + garden + "/konzept/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("published", String.valueOf(published))).andExpect(status().is3xxRedirection());
    }

    private Document page(String path, Cookie device) throws Exception {
        var request = get(path);
        if (device != null) {
            request = request.cookie(device);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
