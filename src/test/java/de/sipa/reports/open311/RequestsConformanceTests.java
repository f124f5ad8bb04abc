package de.sipa.reports.open311;

import static de.sipa.reports.open311.Open311Documents.DATETIME;
import static de.sipa.reports.open311.Open311Documents.assertJsonError;
import static de.sipa.reports.open311.Open311Documents.assertXmlError;
import static de.sipa.reports.open311.Open311Documents.child;
import static de.sipa.reports.open311.Open311Documents.children;
import static de.sipa.reports.open311.Open311Documents.json;
import static de.sipa.reports.open311.Open311Documents.names;
import static de.sipa.reports.open311.Open311Documents.text;
import static de.sipa.reports.open311.Open311Documents.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Contact;
import de.sipa.reports.NewReport;
import de.sipa.reports.Receipt;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.ReportSource;
import de.sipa.reports.ReportStatus;
import de.sipa.reports.Reports;
import de.sipa.reports.open311.Open311Cities.Open311City;

/** GET requests, GET requests/{id} and GET tokens/{token}: fields, types, filters, defaults and refusals. */
@SipaIntegrationTest
class RequestsConformanceTests {

    static final String[] REQUEST_FIELDS = {"service_request_id", "status", "status_notes", "service_name",
        "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
        "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"};

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    @Autowired
    Reports reports;

    Open311City city;
    List<Receipt> receipts = new ArrayList<>();

    @BeforeEach
    void city() {
        city = cities.create();
        receipts.add(submit(city.drugs().id(), "Handel am Spielplatz", 48.7781, 9.1835, Map.of("art", "handel")));
        receipts.add(submit(city.noise().id(), "Musik am Pavillon", 48.7950, 9.1700, Map.of()));
        receipts.add(submit(city.noise().id(), "Gegröle am Brunnen", 48.7790, 9.1840, Map.of()));
        receipts.add(submit(city.graffiti().id(), "Schmiererei", 48.7781, 9.1835, Map.of()));
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> {
            reports.close(receipts.get(2).report(), ReportStatus.REJECTED, "Keine Zuständigkeit");
            reports.moderateText(receipts.get(0).report(), true);
        });
    }

    private Receipt submit(de.sipa.reports.CategoryId category, String text, double lat, double lon,
            Map<String, String> attributes) {
        return reports.submit(new NewReport(city.city().id(), category, text, lat, lon, null, null, attributes,
                Contact.NONE, ReportSource.OPEN311));
    }

    private MockHttpServletRequestBuilder list(String format) {
        return get("/open311/v2/requests." + format).param("jurisdiction_id", city.slug());
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        var ids = new ArrayList<String>();
        json(mvc.perform(request).andReturn()).forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    private String id(int i) {
        return receipts.get(i).publicId();
    }

    @Test
    void listsPublicRequestsNewestFirstWithTheSpecsFieldsInJson() throws Exception {
        var json = json(mvc.perform(list("json")).andReturn());
        assertThat(json.size()).isEqualTo(3);
        var newest = json.get(0);
        assertThat(names(newest)).containsExactly(REQUEST_FIELDS);
        assertThat(newest.get("service_request_id").asString()).isEqualTo(id(2));
        assertThat(newest.get("status").asString()).isEqualTo("closed");
        assertThat(newest.get("status_notes").asString()).isEqualTo("Keine Zuständigkeit");
        assertThat(newest.get("expected_datetime").isNull()).isTrue();
        var drugs = json.get(2);
        assertThat(drugs.get("service_request_id").isString()).isTrue();
        assertThat(drugs.get("status").asString()).isEqualTo("open");
        assertThat(drugs.get("service_code").asString()).isEqualTo("drogen");
        assertThat(drugs.get("service_name").asString()).isEqualTo(city.drugs().name());
        assertThat(drugs.get("agency_responsible").asString()).contains(city.city().key());
        assertThat(drugs.get("requested_datetime").asString()).matches(DATETIME);
        assertThat(drugs.get("updated_datetime").asString()).matches(DATETIME);
        assertThat(drugs.get("expected_datetime").asString()).matches(DATETIME);
        assertThat(OffsetDateTime.parse(drugs.get("expected_datetime").asString()))
                .isAfter(OffsetDateTime.parse(drugs.get("requested_datetime").asString()));
        assertThat(drugs.get("lat").isNumber()).isTrue();
        assertThat(drugs.get("lat").asDouble()).isEqualTo(48.778);
        assertThat(drugs.get("long").asDouble()).isEqualTo(9.184);
        assertThat(drugs.get("service_notice").asString()).contains("2");
    }

    @Test
    void listsPublicRequestsWithTheSpecsElementsInXml() throws Exception {
        var xml = xml(mvc.perform(list("xml")).andReturn());
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(names(xml)).containsExactly("request", "request", "request");
        var request = children(xml).get(2);
        assertThat(names(request)).containsExactly(REQUEST_FIELDS);
        assertThat(text(request, "service_request_id")).isEqualTo(id(0));
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "requested_datetime")).matches(DATETIME);
        assertThat(Double.parseDouble(text(request, "lat"))).isEqualTo(48.778);
        assertThat(child(request, "zipcode").getTextContent()).isEmpty();
    }

    @Test
    void filtersByIdsCodeStatusAndDates() throws Exception {
        assertThat(ids(list("json").param("service_request_id", id(0) + "," + id(2))
                .param("service_code", "laerm").param("status", "open"))).containsExactlyInAnyOrder(id(0), id(2));
        assertThat(ids(list("json").param("service_code", "laerm"))).containsExactly(id(2), id(1));
        assertThat(ids(list("json").param("service_code", "laerm,drogen").param("status", "open")))
                .containsExactly(id(1), id(0));
        assertThat(ids(list("json").param("status", "closed"))).containsExactly(id(2));
        assertThat(ids(list("json").param("status", "open,closed"))).hasSize(3);
        assertThat(ids(list("json").param("start_date", "2000-01-01T00:00:00+01:00")
                .param("end_date", "2000-02-01T00:00:00Z"))).isEmpty();
        var now = OffsetDateTime.now();
        assertThat(ids(list("json").param("start_date", now.minusHours(1).withNano(0).toString())
                .param("end_date", now.plusHours(1).withNano(0).toString()))).hasSize(3);
        assertThat(ids(list("json").param("end_date", now.minusDays(100).withNano(0).toString()))).isEmpty();
    }

    @Test
    void pagesAndCitySdkFiltersAndExtensions() throws Exception {
        assertThat(ids(list("json").param("page_size", "2"))).containsExactly(id(2), id(1));
        assertThat(ids(list("json").param("page_size", "2").param("page", "2"))).containsExactly(id(0));
        assertThat(ids(list("json").param("lat", "48.7781").param("long", "9.1835").param("radius", "200")))
                .containsExactlyInAnyOrder(id(0), id(2));
        assertThat(ids(list("json").param("updated_after", OffsetDateTime.now().plusMinutes(5).withNano(0).toString())))
                .isEmpty();
        var plain = json(mvc.perform(list("json")).andReturn()).get(0);
        assertThat(plain.has("extended_attributes")).isFalse();
        var extended = json(mvc.perform(list("json").param("extensions", "true")).andReturn());
        assertThat(extended.get(0).get("extended_attributes").get("detailed_status").asString()).isEqualTo("REJECTED");
        assertThat(extended.get(2).get("extended_attributes").get("detailed_status").asString()).isEqualTo("RECEIVED");
        assertThat(extended.get(0).get("extended_attributes").get("updates").isArray()).isTrue();
        assertThat(extended.get(0).get("extended_attributes").get("updates").size()).isGreaterThan(0);
        var xml = children(xml(mvc.perform(list("xml").param("extensions", "true")).andReturn())).get(0);
        var attributes = child(xml, "extended_attributes");
        assertThat(text(attributes, "detailed_status")).isEqualTo("REJECTED");
        assertThat(names(child(attributes, "updates"))).isNotEmpty().allMatch("update"::equals);
    }

    @Test
    void badFiltersAre400() throws Exception {
        for (var bad : List.of(Map.of("status", "erledigt"), Map.of("start_date", "gestern"),
                Map.of("end_date", "2026-13-45"), Map.of("service_code", "gibt-es-nicht"), Map.of("page", "0"),
                Map.of("page_size", "1001"), Map.of("lat", "100", "long", "9"), Map.of("lat", "48.7"))) {
            var json = list("json");
            var xml = list("xml");
            bad.forEach((k, v) -> {
                json.param(k, v);
                xml.param(k, v);
            });
            assertJsonError(mvc.perform(json).andReturn(), 400);
            assertXmlError(mvc.perform(xml).andReturn(), 400);
        }
    }

    @Test
    void oneRequestByItsId() throws Exception {
        var json = json(mvc.perform(get("/open311/v2/requests/" + id(0) + ".json").param("jurisdiction_id", city.slug()))
                .andReturn());
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(1);
        assertThat(names(json.get(0))).containsExactly(REQUEST_FIELDS);
        assertThat(json.get(0).get("description").asString()).isEqualTo("Handel am Spielplatz");
        var unmoderated = json(mvc.perform(get("/open311/v2/requests/" + id(1) + ".json")
                .param("jurisdiction_id", city.slug())).andReturn());
        assertThat(unmoderated.get(0).get("description").isNull()).as("text not yet approved for the public").isTrue();
        var xml = xml(mvc.perform(get("/open311/v2/requests/" + id(0) + ".xml").param("jurisdiction_id", city.slug()))
                .andReturn());
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(text(child(xml, "request"), "service_request_id")).isEqualTo(id(0));

        assertJsonError(mvc.perform(get("/open311/v2/requests/1999-000000.json").param("jurisdiction_id", city.slug()))
                .andReturn(), 404);
        assertXmlError(mvc.perform(get("/open311/v2/requests/1999-000000.xml").param("jurisdiction_id", city.slug()))
                .andReturn(), 404);
        var other = cities.create();
        assertJsonError(mvc.perform(get("/open311/v2/requests/" + id(0) + ".json").param("jurisdiction_id", other.slug()))
                .andReturn(), 404);
    }

    @Test
    void aTokenGivesTheIdAtOnceEvenBeforeModeration() throws Exception {
        var token = receipts.get(3).token();
        var json = json(mvc.perform(get("/open311/v2/tokens/" + token + ".json").param("jurisdiction_id", city.slug()))
                .andReturn()).get(0);
        assertThat(names(json)).containsExactly("service_request_id", "token");
        assertThat(json.get("service_request_id").asString()).isEqualTo(id(3));
        assertThat(json.get("token").asString()).isEqualTo(token.toString());
        assertThat(ids(list("json"))).as("lists show it only once approved").hasSize(3);

        var publicId = CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.approve(reports.queue(
                new ReportQuery(null, false, ReportStatus.MODERATION, null, null, false, false, null),
                PageRequest.of(0, 5)).getContent().get(0).id()));
        assertThat(publicId).isEqualTo(id(3));
        assertThat(ids(list("json"))).hasSize(4).contains(id(3));
        json = json(mvc.perform(get("/open311/v2/tokens/" + token + ".json").param("jurisdiction_id", city.slug()))
                .andReturn()).get(0);
        assertThat(json.get("service_request_id").asString()).isEqualTo(publicId);
        var xml = child(xml(mvc.perform(get("/open311/v2/tokens/" + token + ".xml").param("jurisdiction_id", city.slug()))
                .andReturn()), "request");
        assertThat(names(xml)).containsExactly("service_request_id", "token");
        assertThat(text(xml, "service_request_id")).isEqualTo(publicId);

        for (var unknown : List.of(UUID.randomUUID().toString(), "kein-token")) {
            assertJsonError(mvc.perform(get("/open311/v2/tokens/" + unknown + ".json").param("jurisdiction_id", city.slug()))
                    .andReturn(), 404);
            assertXmlError(mvc.perform(get("/open311/v2/tokens/" + unknown + ".xml").param("jurisdiction_id", city.slug()))
                    .andReturn(), 404);
        }
        var other = cities.create();
        assertJsonError(mvc.perform(get("/open311/v2/tokens/" + token + ".json").param("jurisdiction_id", other.slug()))
                .andReturn(), 404);
    }
}
