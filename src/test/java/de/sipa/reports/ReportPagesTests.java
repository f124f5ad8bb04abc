package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;

/** The citizen's public form and status page, and the internal queue and report page. */
@SipaIntegrationTest
class ReportPagesTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Partnerships partnerships;

    @Autowired
    JdbcClient jdbc;

    City city;
    CategoryId litter;
    String slug;

    @BeforeEach
    void city() {
        city = fixtures.city();
        slug = "stadt-" + city.key();
        litter = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var topic = responsibilities.createTopic(new TopicDetails("Müll", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "1 Person", null, "Start"));
            return categories.create(new Category(CategoryId.random(), "muell", "Vermüllung", null, topic, 5, false,
                    null, true, List.of(new CategoryAttribute("menge", AttributeType.SINGLEVALUELIST, true,
                            "Wie viel?", List.of(new CategoryAttribute.Choice("wenig", "wenig"),
                                    new CategoryAttribute.Choice("viel", "viel"))))));
        });
    }

    @Test
    void aCitizenReportsWithoutAccountAndFollowsTheReportByItsLink() throws Exception {
        var form = mvc.perform(get("/buerger/" + slug + "/melden")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("Vermüllung", "Wie viel?", "name=\"website\"");

        var location = mvc.perform(report("Scherben am Spielplatz").param("attributes[menge]", "viel")
                        .param("email", "erika@example.org"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/buerger/anliegen/").endsWith("?neu=1");

        var page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vielen Dank! Ihr Anliegen ist eingegangen.", "Vermüllung", "Ordnungsamt " + city.key())
                .as("status and public notes only").doesNotContain("erika@example.org", "Scherben am Spielplatz");
    }

    @Test
    void thePublicMapShowsOpenReportsCoarselyWithoutTextsOrPersonalData() throws Exception {
        var open = reports.submit(new NewReport(city.id(), litter, "Müll bei Familie Meier, Hausnr. 7", 48.776543,
                9.181234, null, null, Map.of("menge", "viel"), new Contact("Erika", "erika@example.org", null),
                ReportSource.CITIZEN));
        var closed = reports.submit(new NewReport(city.id(), litter, "erledigt", 48.7, 9.1, null, null,
                Map.of("menge", "wenig"), null, ReportSource.CITIZEN));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.close(closed.report(), ReportStatus.DONE, null));

        mvc.perform(get("/buerger/" + slug + "/karte")).andExpect(status().isOk());
        var json = mvc.perform(get("/buerger/" + slug + "/karte.json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(json).contains(open.publicId(), "48.777", "9.181", "Vermüllung")
                .doesNotContain(closed.publicId(), "Meier", "Erika", "erika@", "48.776543");
    }

    @Test
    void theMapsOpenReportsAreAlsoAListByDistrictForThoseWhoCannotUseAMap() throws Exception {
        var district = partnerships.districtsOf(city.id()).stream()
                .filter(d -> d.id().equals(city.districts().get(1))).findFirst().orElseThrow();
        // Its district comes from the point (the fixture's boundaries), whichever that is.
        var onTheMap = reports.submit(new NewReport(city.id(), litter, "Müll bei Familie Meier", 48.776543, 9.181234,
                null, null, Map.of("menge", "viel"), new Contact("Erika", "erika@example.org", null),
                ReportSource.CITIZEN));
        var byAddress = reports.submit(new NewReport(city.id(), litter, "Sperrmüll vor dem Haus", null, null,
                "Hauptstraße " + ADDRESS.getAndIncrement(), district.id(), Map.of("menge", "wenig"), null,
                ReportSource.CITIZEN));
        var closed = reports.submit(new NewReport(city.id(), litter, "erledigt", 48.7, 9.1, null, null,
                Map.of("menge", "wenig"), null, ReportSource.CITIZEN));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.close(closed.report(), ReportStatus.DONE, null));

        assertThat(page("/buerger/" + slug + "/karte")).as("the link comes before the map")
                .containsSubsequence("href=\"/buerger/" + slug + "/karte/liste\"", "id=\"public-map\"");
        var all = page("/buerger/" + slug + "/karte/liste");
        assertThat(all).contains(onTheMap.publicId(), byAddress.publicId(), "<td>" + district.name() + "</td>",
                        "<td>Vermüllung</td>", "Offene Anliegen der letzten 90 Tage: 2")
                .as("newest first").containsSubsequence(byAddress.publicId(), onTheMap.publicId())
                .doesNotContain(closed.publicId(), "Meier", "Erika", "erika@", "Sperrmüll", "Hauptstraße", "48.77");

        var inDistrict = page("/buerger/" + slug + "/karte/liste?bezirk=" + district.id().value());
        assertThat(inDistrict).contains(byAddress.publicId(), "in " + district.name() + ": 1")
                .doesNotContain(onTheMap.publicId());
        assertThat(page("/buerger/" + slug + "/karte/liste?bezirk=" + district.id().value() + "&page=-3"))
                .as("a page number below the first shows the first").contains(byAddress.publicId());
        CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.close(byAddress.report(), ReportStatus.DONE, null));
        assertThat(page("/buerger/" + slug + "/karte/liste?bezirk=" + district.id().value()))
                .contains("id=\"no-open-reports\"", "In " + district.name() + " ist in den letzten 90 Tagen kein Anliegen")
                .doesNotContain(byAddress.publicId());
    }

    @Test
    void badInputKeepsWhatWasTypedAndSaysWhatIsMissing() throws Exception {
        var page = mvc.perform(report("Scherben <script>alert(1)</script>"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bitte beantworten Sie: Wie viel?", "Scherben &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        var badPoint = mvc.perform(post("/buerger/" + slug + "/melden").with(csrf()).param("categoryId", litter.toString())
                        .param("description", "Scherben").param("attributes[menge]", "viel").param("latitude", "abc")
                        .param("longitude", "9.18"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badPoint).contains(">Scherben</textarea>", "Die Koordinaten sind ungültig.", "value=\"abc\"");
        assertThat(stored()).isZero();
    }

    @Test
    void theCoordinatorSeesAPhotoBeforeThePublicDoesAndOnlyTheirOwnPartnershipsPhotos() throws Exception {
        var image = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var receipt = reports.submit(new NewReport(city.id(), litter, "Mit Foto", 48.775, 9.18, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN), png.toByteArray());
        var photo = reports.publicViewByToken(receipt.token()).orElseThrow().photos().get(0);
        var url = "/reports/" + receipt.report() + "/photos/" + photo;
        var coordinator = user(fixtures.user(city.coordinator()));

        var moderation = mvc.perform(get("/reports/moderation").with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(moderation).contains("src=\"" + url + "\"");
        assertThat(mvc.perform(get("/reports/" + receipt.report()).with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains("src=\"" + url + "\"");
        var answer = mvc.perform(get(url).with(coordinator)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(answer.getContentType()).startsWith("image/");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(answer.getContentAsByteArray()))
                .getWidth()).isEqualTo(20);
        assertThat(answer.getHeader("Cache-Control")).contains("private");
        mvc.perform(get("/open311/v2/media/" + photo)).andExpect(status().isNotFound());

        var elsewhere = fixtures.city();
        mvc.perform(get(url).with(user(fixtures.user(elsewhere.coordinator())))).andExpect(status().isNotFound());
    }

    @Test
    void aPhotoTravelsWithTheReportAndABrokenOneRefusesItAsAWhole() throws Exception {
        var image = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var location = mvc.perform(multipart("/buerger/" + slug + "/melden")
                        .file(new MockMultipartFile("photo", "foto.png", "image/png", png.toByteArray()))
                        .param("categoryId", litter.toString()).param("description", "Mit Foto")
                        .param("attributes[menge]", "viel").param("latitude", "48.775").param("longitude", "9.18")
                        .with(csrf()).with(from("203.0.113." + ADDRESS.incrementAndGet())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var token = java.util.UUID.fromString(location.substring("/buerger/anliegen/".length(), location.indexOf('?')));
        assertThat(reports.publicViewByToken(token).orElseThrow().photos()).hasSize(1);

        mvc.perform(multipart("/buerger/" + slug + "/melden")
                        .file(new MockMultipartFile("photo", "foto.png", "image/png", "kein Bild".getBytes()))
                        .param("categoryId", litter.toString()).param("description", "Kaputtes Foto")
                        .param("attributes[menge]", "viel").param("latitude", "48.775").param("longitude", "9.18")
                        .with(csrf()).with(from("203.0.113." + ADDRESS.incrementAndGet())))
                .andExpect(status().isBadRequest());
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void botsThatFillTheHiddenFieldAreThankedButNotStored() throws Exception {
        mvc.perform(report("Kaufen Sie jetzt!").param("attributes[menge]", "viel").param("website", "http://spam.example"))
                .andExpect(status().isOk());
        assertThat(stored()).isZero();
    }

    @Test
    void oneAddressCannotFloodTheIntake() throws Exception {
        var address = "192.0.2." + ADDRESS.incrementAndGet();
        for (int i = 0; i < 10; i++) {
            mvc.perform(report("Meldung " + i).param("attributes[menge]", "wenig").with(from(address)))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(report("Meldung 11").param("attributes[menge]", "wenig").with(from(address)))
                .andExpect(status().isTooManyRequests());
        assertThat(stored()).isEqualTo(10);
    }

    @Test
    void severalReportsAreHandledAtOnceAndTheQueueShowsThemOnAMap() throws Exception {
        var first = reports.submit(new NewReport(city.id(), litter, "Eins", 48.771, 9.181, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        var second = reports.submit(new NewReport(city.id(), litter, "Zwei", 48.772, 9.182, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        var partner = user(fixtures.user(city.publicOrderUser()));
        mvc.perform(post("/reports/bulk").with(partner).with(csrf()).param("action", "start")
                        .param("ids", first.report().toString(), second.report().toString()))
                .andExpect(flash().attribute("imported", 2));
        mvc.perform(post("/reports/bulk").with(partner).with(csrf()).param("action", "start")
                        .param("ids", first.report().toString()))
                .andExpect(flash().attribute("imported", 0))
                .andExpect(flash().attribute("problem", first.publicId() + ": Nur neue Anliegen können in Bearbeitung genommen werden."));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            assertThat(reports.get(first.report()).status()).isEqualTo(ReportStatus.IN_PROGRESS);
            assertThat(reports.get(second.report()).status()).isEqualTo(ReportStatus.IN_PROGRESS);
        });
        var json = mvc.perform(get("/reports/map.json").with(partner)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(json).contains(first.report().toString(), "48.771", first.publicId() + ": Vermüllung");
        mvc.perform(get("/reports").param("view", "map").with(partner)).andExpect(status().isOk());
        mvc.perform(get("/reports").param("queue", "kein-uuid").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/reports/bulk").with(user(fixtures.user(city.coordinator()))).with(csrf())
                        .param("action", "reroute").param("ids", first.report().toString()).param("reason", "x"))
                .andExpect(flash().attribute("problem", first.publicId() + ": Bitte wählen Sie, an wen weitergeleitet wird."));
    }

    @Test
    void aSearchOverMoreThanTheBoundSaysSoAndAFilterCountsExactlyAgain() throws Exception {
        var receipt = reports.submit(new NewReport(city.id(), litter, "Hinweis", 48.78, 9.17, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, token, category_id, description, latitude, longitude,
                                            source, status, submitted_at, updated_at)
                SELECT gen_random_uuid(), partnership_id, gen_random_uuid(), category_id, 'Kopie ' || g, latitude,
                       longitude, source, status, submitted_at - g * interval '1 minute', updated_at
                FROM reports_report, generate_series(1, ?) g WHERE id = ?""")
                .params(BoundedPage.BOUND, receipt.report().value()).update();
        var coordinator = user(fixtures.user(city.coordinator()));
        var all = CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null, false, null), PageRequest.of(0, 25)));
        assertThat(all.moreThanCounted()).isTrue();
        assertThat(all.getTotalElements()).isEqualTo(BoundedPage.BOUND);
        assertThat(all.getContent()).hasSize(25).first().extracting(Report::id).isEqualTo(receipt.report());
        assertThat(mvc.perform(get("/reports").param("queue", "all").param("closed", "true").with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Seite 1 (mehr als 10.000 Einträge: Filter grenzen die Suche ein)");
        assertThat(mvc.perform(get("/reports").param("queue", "all").param("closed", "true").param("q", "Kopie 99")
                        .with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("mehr als").contains("Seite 1 von 5 (111 Einträge)"); // 99, 990–999, 9900–9999
        assertThat(CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.count(
                new ReportQuery(null, false, null, null, null, false, true, null, false, null))))
                .isEqualTo(BoundedPage.BOUND + 1L);
    }

    @Test
    void theResponsiblePartnerSeesTheReportInTheQueueAndClosesItWithANoteTheCitizenSees() throws Exception {
        var receipt = reports.submit(new NewReport(city.id(), litter, "Sperrmüll an der Ecke", 48.7, 9.1, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        var partner = user(fixtures.user(city.publicOrderUser()));
        var queue = mvc.perform(get("/reports").with(partner)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains(receipt.publicId(), "Sperrmüll an der Ecke");
        mvc.perform(get("/reports/" + receipt.report()).with(partner)).andExpect(status().isOk());
        mvc.perform(get("/reports/" + receipt.report()).with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/reports/" + receipt.report() + "/close").with(partner).with(csrf())
                        .param("outcome", "DONE").param("publicNote", "Wurde am Montag abgeholt."))
                .andExpect(flash().attribute("success", "report.closed"));

        var status = mvc.perform(get("/buerger/anliegen/" + receipt.token())).andReturn().getResponse()
                .getContentAsString();
        assertThat(status).contains("erledigt", "Wurde am Montag abgeholt.");
        var history = org.jsoup.Jsoup.parse(mvc.perform(get("/reports/" + receipt.report()).with(partner)).andReturn()
                .getResponse().getContentAsString()).select("ol.history").text();
        assertThat(history).as("the status by its label, the person by their name")
                .contains("Status erledigt", "Wurde am Montag abgeholt. (Otto Ordnung)")
                .doesNotContain("DONE", "ordnung-" + city.key());
        var moderation = mvc.perform(get("/reports/moderation").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(moderation).contains("Sperrmüll an der Ecke");
        mvc.perform(post("/reports/" + receipt.report() + "/text").with(user(fixtures.user(city.coordinator())))
                        .with(csrf()).param("publish", "true"))
                .andExpect(flash().attribute("success", "report.text.published"));
        assertThat(reports.publicView(city.id(), receipt.publicId()).orElseThrow().description())
                .isEqualTo("Sperrmüll an der Ecke");
        mvc.perform(get("/reports/moderation").with(partner)).andExpect(status().isForbidden());
        for (var page : List.of("/reports?queue=all", "/reports?queue=coordination&closed=true", "/reports/new",
                "/reports/" + receipt.report())) {
            mvc.perform(get(page).with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk());
        }
    }

    @Test
    void partnerStaffFileInternalReportsButTheSteeringGroupDoesNot() throws Exception {
        var before = stored();
        var steering = user(fixtures.user(city.steeringUser()));
        mvc.perform(get("/reports/new").with(steering)).andExpect(status().isForbidden());
        mvc.perform(internal("Von der Lenkungsgruppe").with(steering)).andExpect(status().isForbidden());
        assertThat(stored()).isEqualTo(before);

        var partner = user(fixtures.user(city.publicOrderUser()));
        mvc.perform(get("/reports/new").with(partner)).andExpect(status().isOk());
        mvc.perform(internal("Vom Ordnungsamt").with(partner)).andExpect(status().is3xxRedirection());
        assertThat(stored()).isEqualTo(before + 1);

        // The facade itself: internal sources need the right to file, citizens' sources no login.
        var internal = new NewReport(city.id(), litter, "Direkt", 48.775, 9.18, null, null, Map.of("menge", "viel"),
                null, ReportSource.PARTNER);
        var steeringUser = new SipaUser(null, city.steeringUser(), "Lena Lenkung", city.id(), city.publicOrder(),
                Role.STEERING);
        assertThatThrownBy(() -> CurrentUser.runAs(steeringUser, () -> reports.submit(internal)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.submit(new NewReport(city.id(), litter, "Streife", 48.775, 9.18, null, null,
                Map.of("menge", "viel"), null, ReportSource.PATROL)))
                .as("without login").isInstanceOf(AuthenticationException.class);
        assertThat(stored()).isEqualTo(before + 1);
        reports.submit(new NewReport(city.id(), litter, "Bürger", 48.775, 9.18, null, null, Map.of("menge", "viel"),
                null, ReportSource.CITIZEN));
        assertThat(stored()).isEqualTo(before + 2);
    }

    private MockHttpServletRequestBuilder internal(String description) {
        return post("/reports").with(csrf()).param("categoryId", litter.toString()).param("description", description)
                .param("latitude", "48.775").param("longitude", "9.18").param("attributes[menge]", "viel");
    }

    @Test
    void aPartnerMailedForInformationReadsTheReportItWasToldOfButDoesNotWorkOnIt() throws Exception {
        CurrentUser.runAs(SipaUser.system(city.id()), () -> responsibilities.assign(new EntryDetails(
                categories.get(litter).topic().value(), null, null, city.police().value(), Responsibility.INFORMED, null,
                null, "Polizei zur Kenntnis")));
        var receipt = reports.submit(new NewReport(city.id(), litter, "Sperrmüll vor der Schule", 48.7, 9.1, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        var mail = jdbc.sql("SELECT body FROM notifications_mail WHERE recipient = ? AND subject LIKE 'Zur Information%'")
                .param("polizei-" + city.key() + "@stadt.example").query(String.class).single();
        var link = "/reports/" + receipt.report();
        assertThat(mail).contains(link);

        var police = user(fixtures.user(city.policeUser()));
        var page = mvc.perform(get(link).with(police)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Sperrmüll vor der Schule", "benachrichtigt", "Polizeirevier " + city.key())
                .doesNotContain("id=\"close-form\"", "/hand-back");
        mvc.perform(post(link + "/close").with(police).with(csrf()).param("outcome", "DONE"))
                .andExpect(status().isForbidden());
        mvc.perform(post(link + "/hand-back").with(police).with(csrf()).param("reason", "nicht wir"))
                .andExpect(status().isForbidden());
        CurrentUser.runAs(SipaUser.system(city.id()),
                () -> assertThat(reports.get(receipt.report()).status()).isEqualTo(ReportStatus.NEW));
        // Others the matrix does not name still do not see it.
        var otherCity = fixtures.city();
        mvc.perform(get(link).with(user(fixtures.user(otherCity.policeUser())))).andExpect(status().isNotFound());
    }

    @Test
    void reportsHandedBackAreMarkedInTheCoordinatorsQueueAndCanBeFilteredUntilRoutedAgain() throws Exception {
        var other = CurrentUser.runAs(SipaUser.system(city.id()), () -> categories.create(new Category(
                CategoryId.random(), "sonstiges", "Sonstiges", null, null, 5, false, null, true, List.of())));
        var unrouted = reports.submit(new NewReport(city.id(), other, "Ohne Zuständigkeit", 48.7, 9.1, null, null,
                Map.of(), null, ReportSource.CITIZEN));
        var returned = reports.submit(new NewReport(city.id(), litter, "Sperrmüll im Hinterhof", 48.7, 9.1, null, null,
                Map.of("menge", "viel"), null, ReportSource.CITIZEN));
        mvc.perform(post("/reports/" + returned.report() + "/hand-back").with(user(fixtures.user(city.publicOrderUser())))
                .with(csrf()).param("reason", "Privatgrund")).andExpect(flash().attribute("success", "report.handedBack"));

        var coordinator = user(fixtures.user(city.coordinator()));
        var queue = mvc.perform(get("/reports").with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(rowOf(queue, returned.publicId())).contains("zurückgegeben: nicht unsere Zuständigkeit");
        assertThat(rowOf(queue, unrouted.publicId())).doesNotContain("zurückgegeben");
        var filtered = mvc.perform(get("/reports").param("handedBack", "true").with(coordinator)).andReturn()
                .getResponse().getContentAsString();
        assertThat(filtered).contains(returned.publicId(), "name=\"handedBack\" value=\"true\" checked=\"checked\"")
                .doesNotContain(unrouted.publicId());

        mvc.perform(post("/reports/" + returned.report() + "/reroute").with(coordinator).with(csrf())
                .param("organisation", city.police().toString()).param("reason", "Polizei prüft"));
        assertThat(mvc.perform(get("/reports").param("queue", "all").with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains(returned.publicId()).doesNotContain("zurückgegeben: nicht");
    }

    @Test
    void theModerationPageCountsTheWaitingTextsAndPagesThroughThem() throws Exception {
        var waiting = new java.util.ArrayList<ReportId>();
        for (int i = 1; i <= 27; i++) {
            waiting.add(reports.submit(new NewReport(city.id(), litter, "Wartender Text " + i, 48.7 + i / 1000.0, 9.1,
                    null, null, Map.of("menge", "wenig"), null, ReportSource.CITIZEN)).report());
        }
        var coordinator = user(fixtures.user(city.coordinator()));
        var first = mvc.perform(get("/reports/moderation").with(coordinator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(first).contains("id=\"texts-count\">(27)<", "Seite 1 von 2 (27 Einträge)", "moderation?page=1");
        assertThat(first.split("Wartender Text ", -1)).hasSize(25 + 1);
        var second = mvc.perform(get("/reports/moderation").param("page", "1").with(coordinator)).andReturn()
                .getResponse().getContentAsString();
        assertThat(second).contains("Wartender Text 26", "Wartender Text 27", "Seite 2 von 2 (27 Einträge)")
                .doesNotContain("Wartender Text 1<");
        mvc.perform(post("/reports/" + waiting.get(26) + "/text").with(coordinator).with(csrf())
                .param("publish", "true").param("page", "1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/reports/moderation?page=1"));
        assertThat(mvc.perform(get("/reports/moderation").with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"texts-count\">(26)<");
    }

    /** The queue's table row of the report with this number. */
    private static String rowOf(String queue, String publicId) {
        var at = queue.indexOf(">" + publicId + "<");
        assertThat(at).as(publicId + " in the queue").isPositive();
        return queue.substring(queue.lastIndexOf("<tr", at), queue.indexOf("</tr>", at));
    }

    private MockHttpServletRequestBuilder report(String description) {
        return post("/buerger/" + slug + "/melden").with(csrf()).param("categoryId", litter.toString())
                .param("description", description).param("latitude", "48.775").param("longitude", "9.18")
                .with(from("198.51.100." + ADDRESS.incrementAndGet()));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long stored() {
        return CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null), PageRequest.of(0, 1)).getTotalElements());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
