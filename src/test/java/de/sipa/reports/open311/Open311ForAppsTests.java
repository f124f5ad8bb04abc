package de.sipa.reports.open311;

import static de.sipa.reports.open311.Open311Documents.assertJsonError;
import static de.sipa.reports.open311.Open311Documents.assertXmlError;
import static de.sipa.reports.open311.Open311Documents.child;
import static de.sipa.reports.open311.Open311Documents.json;
import static de.sipa.reports.open311.Open311Documents.names;
import static de.sipa.reports.open311.Open311Documents.text;
import static de.sipa.reports.open311.Open311Documents.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.Report;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.Reports;
import de.sipa.reports.open311.Open311Cities.Open311City;

/**
 * What third-party Open311 clients and FixMyStreet need (issue 10, "Open311 that real apps can use"): one test per
 * point. The encoding errors that only a real servlet container produces are in {@link Open311OverHttpTests}.
 */
@SipaIntegrationTest
class Open311ForAppsTests {

    /** Around Mitte and Nord of the test city (two squares one above the other). */
    private static final String MITTE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.765],[9.2,48.765],[9.2,48.785],[9.16,48.785],[9.16,48.765]]]}";
    private static final String NORD =
            "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.785],[9.2,48.785],[9.2,48.805],[9.16,48.805],[9.16,48.785]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MessageSource messages;

    Open311City city;

    @BeforeEach
    void city() {
        city = cities.create();
    }

    /** A valid noise report, with some parameters replaced ({@code name, value} pairs; a {@code null} value drops it). */
    private MockHttpServletRequestBuilder post311(String format, String... overrides) {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("jurisdiction_id", city.slug());
        params.put("api_key", city.apiKey());
        params.put("service_code", "laerm");
        params.put("lat", "48.77812");
        params.put("long", "9.18351");
        params.put("description", "Laute Musik am Pavillon");
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        var request = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    private JsonNode submitted(MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json(result).get(0);
    }

    private JsonNode fetched(String id) throws Exception {
        var result = mvc.perform(get("/open311/v2/requests/" + id + ".json").param("jurisdiction_id", city.slug())
                .param("extensions", "true")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json(result).get(0);
    }

    private Report stored(String publicId) {
        return CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, publicId), PageRequest.of(0, 1))
                .getContent().get(0));
    }

    private long storedCount() {
        return CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null), PageRequest.of(0, 1))
                .getTotalElements());
    }

    private void approveText(String publicId) {
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.moderateText(stored(publicId).id(), true));
    }

    private static void assertError(String format, MvcResult result, int status) throws Exception {
        if (format.equals("json")) {
            assertJsonError(result, status);
        } else {
            assertXmlError(result, status);
        }
    }

    @Test
    void aMediaUrlIsKeptShownInternallyAndPublicOnlyAfterModerationAndNeverFetched() throws Exception {
        var fetches = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            var link = "http://127.0.0.1:" + server.getAddress().getPort() + "/fotos/pavillon.jpg";
            var answer = submitted(post311("json", "media_url", link));
            var id = answer.get("service_request_id").asString();
            assertThat(answer.get("service_notice").asString()).doesNotContain("media_url");
            assertThat(stored(id).mediaUrl()).isEqualTo(link);

            var page = mvc.perform(get("/reports/" + stored(id).id()).with(user(fixtures.user(city.city().coordinator()))))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("id=\"media-url\"").contains("href=\"" + link + "\"");

            var before = fetched(id);
            assertThat(before.get("media_url").isNull()).as("public only after moderation").isTrue();
            assertThat(before.get("extended_attributes").get("media_urls").size()).isZero();

            approveText(id);
            var after = fetched(id);
            assertThat(after.get("media_url").asString()).isEqualTo(link);
            assertThat(after.get("extended_attributes").get("media_urls").get(0).asString()).isEqualTo(link);
            assertThat(fetches.get()).as("SiPa never loads the app's link").isZero();
        } finally {
            server.stop(0);
        }

        var bad = submitted(post311("json", "media_url", "javascript:alert(1)"));
        assertThat(bad.get("service_notice").asString()).contains("media_url");
        assertThat(stored(bad.get("service_request_id").asString()).mediaUrl()).isNull();
    }

    @Test
    void aModeratedRequestHasItsIdAtOnceWhichAnswersWithoutContentUntilApproved() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            var answer = submitted(post311("json", "service_code", "graffiti", "address_string", "Stadtmauer"));
            assertThat(names(answer)).containsExactly("service_request_id", "service_notice", "account_id");
            ids.add(answer.get("service_request_id").asString());
        }
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().allMatch(id -> id.matches("\\d{4}-\\d{6}"));

        var pending = fetched(ids.get(0));
        assertThat(pending.get("service_request_id").asString()).isEqualTo(ids.get(0));
        assertThat(pending.get("status").asString()).isEqualTo("open");
        assertThat(pending.get("service_code").asString()).isEqualTo("graffiti");
        for (var withheld : List.of("description", "address", "lat", "long", "media_url")) {
            assertThat(pending.get(withheld).isNull()).as(withheld).isTrue();
        }
        assertThat(pending.get("extended_attributes").get("moderation").asString()).isEqualTo("pending");
        var list = json(mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", city.slug())).andReturn());
        assertThat(list.size()).as("lists show it only once approved").isZero();

        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.approve(stored(ids.get(0)).id()));
        var approved = fetched(ids.get(0));
        assertThat(approved.get("service_request_id").asString()).as("the same id").isEqualTo(ids.get(0));
        assertThat(approved.get("lat").asDouble()).isEqualTo(48.778);
        assertThat(json(mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", city.slug())).andReturn())
                .size()).isEqualTo(1);
    }

    @Test
    void aMergedDuplicatesIdKeepsAnsweringWithTheMergeInItsExtensions() throws Exception {
        var first = submitted(post311("json")).get("service_request_id").asString();
        var duplicate = submitted(post311("json", "lat", "48.77815")).get("service_request_id").asString();
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.merge(stored(duplicate).id(),
                stored(first).id()));
        var merged = fetched(duplicate);
        assertThat(merged.get("service_request_id").asString()).isEqualTo(duplicate);
        assertThat(merged.get("status").asString()).isEqualTo("closed");
        assertThat(merged.get("status_notes").asString()).contains(first);
        assertThat(merged.get("extended_attributes").get("merged_into").asString()).isEqualTo(first);
        assertThat(fetched(first).get("extended_attributes").get("merged_into").isNull()).isTrue();
        var xml = child(xml(mvc.perform(get("/open311/v2/requests/" + duplicate + ".xml")
                .param("jurisdiction_id", city.slug()).param("extensions", "true")).andReturn()), "request");
        assertThat(text(child(xml, "extended_attributes"), "merged_into")).isEqualTo(first);
    }

    @Test
    void theDescriptionIsOptionalUnlessTheCategoryRequiresIt() throws Exception {
        var withoutText = submitted(post311("json", "description", null));
        var report = stored(withoutText.get("service_request_id").asString());
        assertThat(report.description()).isEmpty();
        approveText(report.publicId());
        assertThat(fetched(report.publicId()).get("description").isNull()).isTrue();

        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> categories.create(new Category(CategoryId.random(),
                "sonstiges", "Sonstiges", null, null, 3, false, null, true, List.of(), true)));
        var before = storedCount();
        for (var format : List.of("json", "xml")) {
            var refused = mvc.perform(post311(format, "service_code", "sonstiges", "description", " ")).andReturn();
            assertError(format, refused, 400);
            assertThat(refused.getResponse().getContentAsString()).contains("describe");
        }
        assertThat(storedCount()).isEqualTo(before);
        submitted(post311("json", "service_code", "sonstiges", "description", "Autorennen nachts"));
    }

    @Test
    void aWrongContentTypeOrMethodIs400InTheSpecsFormat() throws Exception {
        for (var format : List.of("json", "xml")) {
            assertError(format, mvc.perform(post311(format).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn(), 400);
            assertError(format, mvc.perform(put("/open311/v2/requests." + format)).andReturn(), 400);
            assertError(format, mvc.perform(post("/open311/v2/services." + format)).andReturn(), 400);
        }
        assertThat(storedCount()).isZero();
    }

    @Test
    void invalidOptionalContactFieldsAreLeftOutAndNamedInTheNotice() throws Exception {
        var answer = submitted(post311("json", "email", "null", "first_name", "E".repeat(300), "last_name", "Muster",
                "phone", "0711 123456"));
        var notice = answer.get("service_notice").asString();
        assertThat(notice).contains("email").contains("first_name").doesNotContain("phone");
        var report = stored(answer.get("service_request_id").asString());
        assertThat(report.contact().email()).isNull();
        assertThat(report.contact().name()).isEqualTo("Muster");
        assertThat(report.contact().phone()).isEqualTo("0711 123456");
        assertThat(report.description()).isEqualTo("Laute Musik am Pavillon");

        var xml = child(xml(mvc.perform(post311("xml", "phone", "1".repeat(61))).andReturn()), "request");
        assertThat(text(xml, "service_notice")).contains("phone");
        assertThat(stored(text(xml, "service_request_id")).contact().phone()).isNull();
    }

    @Test
    void anAddressIdIsALocationAndPlacesOutsideThePartnershipAreRefused() throws Exception {
        var byAddressId = submitted(post311("json", "lat", null, "long", null, "address_id", "DEBWL0001234"));
        var id = byAddressId.get("service_request_id").asString();
        assertThat(stored(id).addressId()).isEqualTo("DEBWL0001234");
        assertThat(fetched(id).get("address_id").isNull()).as("withheld until moderated").isTrue();
        approveText(id);
        assertThat(fetched(id).get("address_id").asString()).isEqualTo("DEBWL0001234");

        var before = storedCount();
        var nullIsland = mvc.perform(post311("json", "lat", "0", "long", "0")).andReturn();
        assertJsonError(nullIsland, 400);
        assertThat(json(nullIsland).get(0).get("description").asString()).contains("outside the area");

        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> {
            partnerships.drawBoundary(city.city().districts().get(0), MITTE);
            partnerships.drawBoundary(city.city().districts().get(1), NORD);
        });
        for (var format : List.of("json", "xml")) {
            assertError(format, mvc.perform(post311(format, "lat", "0", "long", "0")).andReturn(), 400);
            assertError(format, mvc.perform(post311(format, "lat", "48.70", "long", "9.10")).andReturn(), 400);
            assertError(format, mvc.perform(post311(format, "lat", "52.52", "long", "13.40")).andReturn(), 400);
        }
        assertThat(storedCount()).isEqualTo(before);
        submitted(post311("json", "lat", "48.795", "long", "9.17"));
        submitted(post311("json", "lat", "48.806", "long", "9.17")); // just across the city line
    }

    @Test
    void errorDescriptionsAreEnglishWhateverTheLanguageOfTheRequest() throws Exception {
        var drugs = mvc.perform(post311("json", "service_code", "drogen", "attribute[art]", "tanzen", "lang", "de")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")).andReturn();
        assertJsonError(drugs, 400);
        var english = messages.getMessage("report.attribute.invalid", new Object[] {"Was haben Sie beobachtet?"},
                Locale.ENGLISH);
        var german = messages.getMessage("report.attribute.invalid", new Object[] {"Was haben Sie beobachtet?"},
                Locale.GERMAN);
        assertThat(english).isNotEqualTo(german);
        assertThat(json(drugs).get(0).get("description").asString()).isEqualTo(english);
        var coordinates = mvc.perform(post311("json", "lat", "91").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
                .andReturn();
        assertThat(json(coordinates).get(0).get("description").asString())
                .isEqualTo(messages.getMessage("report.location.invalid", null, Locale.ENGLISH));
        var missing = mvc.perform(post311("json", "service_code", null).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
                .andReturn();
        assertThat(json(missing).get(0).get("description").asString()).isEqualTo("service_code was not provided");
    }

    @Test
    void theAddressIsWithheldLikeTheDescriptionUntilModerationApprovesIt() throws Exception {
        var id = submitted(post311("json", "address_string", "Marktplatz 1")).get("service_request_id").asString();
        var before = fetched(id);
        assertThat(before.get("description").isNull()).isTrue();
        assertThat(before.get("address").isNull()).as("withheld like the description").isTrue();
        assertThat(before.get("lat").asDouble()).as("the rounded place is public").isEqualTo(48.778);
        var xml = child(xml(mvc.perform(get("/open311/v2/requests/" + id + ".xml").param("jurisdiction_id", city.slug()))
                .andReturn()), "request");
        assertThat(child(xml, "address").getTextContent()).isEmpty();

        approveText(id);
        var after = fetched(id);
        assertThat(after.get("address").asString()).isEqualTo("Marktplatz 1");
        assertThat(after.get("description").asString()).isEqualTo("Laute Musik am Pavillon");
        assertThat(after.get("extended_attributes").get("moderation").asString()).isEqualTo("approved");

        var hidden = submitted(post311("json", "address_string", "Hauptstraße 5")).get("service_request_id").asString();
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.moderateText(stored(hidden).id(), false));
        assertThat(fetched(hidden).get("address").isNull()).isTrue();
        assertThat(fetched(hidden).get("extended_attributes").get("moderation").asString()).isEqualTo("withheld");
    }

    @Test
    void webAppsOfAnyOriginMayReadButNotPost() throws Exception {
        var id = submitted(post311("json")).get("service_request_id").asString();
        var origin = "https://karte.example.org";
        for (var path : List.of("/open311/v2/discovery.json", "/open311/v2/services.json", "/open311/v2/services/laerm.json",
                "/open311/v2/requests.json", "/open311/v2/requests/" + id + ".json", "/open311/v2/services.xml")) {
            var response = mvc.perform(get(path).param("jurisdiction_id", city.slug()).header(HttpHeaders.ORIGIN, origin))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isEqualTo("*");
            var preflight = mvc.perform(options(path).header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")).andReturn().getResponse();
            assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isIn("*", origin);
        }
        var preflight = mvc.perform(options("/open311/v2/requests.json").header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")).andReturn().getResponse();
        assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
        assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).isNull();
        var posted = mvc.perform(post311("json").header(HttpHeaders.ORIGIN, origin)).andReturn().getResponse();
        assertThat(posted.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    }

    @Test
    void aHugeAddressIsRefusedAndControlCharactersAreDroppedNeverA500() throws Exception {
        var before = storedCount();
        for (var format : List.of("json", "xml")) {
            assertError(format, mvc.perform(post311(format, "lat", null, "long", null,
                    "address_string", "a".repeat(100_000))).andReturn(), 400);
            assertError(format, mvc.perform(post311(format, "address_string", "a".repeat(100_000))).andReturn(), 400);
        }
        assertThat(storedCount()).isEqualTo(before);

        var answer = submitted(post311("json", "description", "Laut\u0000\u0001\u0002 und\ttoll\u001b",
                "address_string", "Markt\u0000platz 1", "first_name", "Eri\u0000ka", "attribute[x]", "\u0000"));
        var report = stored(answer.get("service_request_id").asString());
        assertThat(report.description()).isEqualTo("Laut und\ttoll");
        assertThat(report.address()).isEqualTo("Marktplatz 1");
        assertThat(report.contact().name()).isEqualTo("Erika");
        approveText(report.publicId());
        var xml = child(xml(mvc.perform(get("/open311/v2/requests/" + report.publicId() + ".xml")
                .param("jurisdiction_id", city.slug())).andReturn()), "request");
        assertThat(text(xml, "description")).isEqualTo("Laut und\ttoll");

        var nul = mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", city.slug() + "\u0000")
                .param("service_request_id", "\u0000")).andReturn();
        assertThat(nul.getResponse().getStatus()).isEqualTo(200);
    }
}
