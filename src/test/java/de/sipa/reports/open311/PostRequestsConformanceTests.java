package de.sipa.reports.open311;

import static de.sipa.reports.open311.Open311Documents.assertJsonError;
import static de.sipa.reports.open311.Open311Documents.assertXmlError;
import static de.sipa.reports.open311.Open311Documents.child;
import static de.sipa.reports.open311.Open311Documents.json;
import static de.sipa.reports.open311.Open311Documents.names;
import static de.sipa.reports.open311.Open311Documents.text;
import static de.sipa.reports.open311.Open311Documents.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryAttribute;
import de.sipa.reports.AttributeType;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.reports.open311.Open311Cities.Open311City;

/** POST requests: form-urlencoded and multipart, answers for realtime and batch services, and every refusal. */
@SipaIntegrationTest
class PostRequestsConformanceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    @Autowired
    Reports reports;

    @Autowired
    ApiClients clients;

    @Autowired
    Categories categories;

    Open311City city;

    @BeforeEach
    void city() {
        city = cities.create();
    }

    /** A valid report, with some parameters replaced ({@code name, value} pairs; a {@code null} value drops it). */
    private MockHttpServletRequestBuilder report(String format, String serviceCode, String... overrides) {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("jurisdiction_id", city.slug());
        params.put("api_key", city.apiKey());
        params.put("service_code", serviceCode);
        params.put("lat", "48.77812");
        params.put("long", "9.18351");
        params.put("description", "Spritzen im Gebüsch");
        params.put("attribute[art]", "handel");
        params.put("email", "erika@example.org");
        params.put("first_name", "Erika");
        params.put("last_name", "Muster");
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

    private long stored() {
        return CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null), PageRequest.of(0, 50))
                .getTotalElements());
    }

    @Test
    void aRealtimeServiceAnswers200WithTheNewIdInJson() throws Exception {
        var result = mvc.perform(report("json", "drogen").param("attribute[wo][]", "spielplatz")
                .param("attribute[wo][]", "haltestelle")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var answer = json(result);
        assertThat(answer.isArray()).isTrue();
        assertThat(names(answer.get(0))).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(answer.get(0).get("service_request_id").isString()).isTrue();
        var id = answer.get(0).get("service_request_id").asString();
        var report = reports.publicView(city.city().id(), id).orElseThrow();
        assertThat(report.categoryCode()).isEqualTo("drogen");
        assertThat(report.description()).as("shown publicly only after moderation").isNull();
        var full = CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null), PageRequest.of(0, 5))
                .getContent().get(0));
        assertThat(full.source()).isEqualTo(ReportSource.OPEN311);
        assertThat(full.description()).isEqualTo("Spritzen im Gebüsch");
        assertThat(full.attributes()).containsEntry("art", "handel").containsEntry("wo", "spielplatz,haltestelle");
        assertThat(full.contact().name()).isEqualTo("Erika Muster");
        assertThat(full.contact().email()).isEqualTo("erika@example.org");
    }

    @Test
    void aRealtimeServiceAnswers200WithTheNewIdInXml() throws Exception {
        var result = mvc.perform(report("xml", "drogen")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var answer = xml(result);
        assertThat(answer.getTagName()).isEqualTo("service_requests");
        assertThat(names(answer)).containsExactly("request");
        var request = child(answer, "request");
        assertThat(names(request)).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(reports.publicView(city.city().id(), text(request, "service_request_id"))).isPresent();
    }

    @Test
    void aModeratedServiceAnswersWithTheNewIdAtOnce() throws Exception {
        var json = json(mvc.perform(report("json", "graffiti")).andReturn()).get(0);
        assertThat(names(json)).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(reports.publicView(city.city().id(), json.get("service_request_id").asString())).isPresent();
        var xml = child(xml(mvc.perform(report("xml", "graffiti")).andReturn()), "request");
        assertThat(names(xml)).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(text(xml, "service_request_id")).isNotBlank().isNotEqualTo(json.get("service_request_id").asString());
    }

    @Test
    void aPhotoIsStoredWithoutItsMetadataAndServedPubliclyOnceApproved() throws Exception {
        var photo = jpegWithExif("GPS-GEHEIM-48.7781");
        var result = mvc.perform(multipart("/open311/v2/requests.json")
                .file(new MockMultipartFile("media", "foto.jpg", "image/jpeg", photo))
                .param("jurisdiction_id", city.slug()).param("api_key", city.apiKey()).param("service_code", "laerm")
                .param("address_string", "Marktplatz 1").param("description", "Laute Musik")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var id = json(result).get(0).get("service_request_id").asString();
        var unmoderated = json(mvc.perform(get("/open311/v2/requests/" + id + ".json")
                .param("jurisdiction_id", city.slug())).andReturn()).get(0);
        assertThat(unmoderated.get("media_url").isNull()).as("photos are public only after moderation").isTrue();
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.moderateText(reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, id), PageRequest.of(0, 1))
                .getContent().get(0).id(), true));
        var request = json(mvc.perform(get("/open311/v2/requests/" + id + ".json").param("jurisdiction_id", city.slug()))
                .andReturn()).get(0);
        var mediaUrl = request.get("media_url").asString();
        assertThat(mediaUrl).contains("/open311/v2/media/");
        var listed = json(mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", city.slug())
                .param("service_request_id", id).param("extensions", "true")).andReturn()).get(0);
        assertThat(listed.get("media_url").asString()).as("lists load photos in one query").isEqualTo(mediaUrl);
        assertThat(listed.get("extended_attributes").get("updates").size()).as("and the public events").isPositive();
        var served = mvc.perform(get(mediaUrl.substring(mediaUrl.indexOf("/open311/")))).andReturn().getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/jpeg");
        var bytes = served.getContentAsByteArray();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(bytes)).getWidth()).isEqualTo(32);
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("GPS-GEHEIM").doesNotContain("Exif");
    }

    @Test
    void withoutAValidKeyTheAnswerIs403() throws Exception {
        var other = cities.create();
        for (var format : List.of("json", "xml")) {
            var withoutKey = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("jurisdiction_id", city.slug()).param("service_code", "laerm").param("lat", "48.7")
                    .param("long", "9.1").param("description", "x");
            assertError(format, mvc.perform(withoutKey).andReturn(), 403);
            assertError(format, mvc.perform(report(format, "drogen", "api_key", "falsch")).andReturn(), 403);
            assertError(format, mvc.perform(report(format, "drogen", "api_key", other.apiKey())).andReturn(), 403);
        }
        var blocked = CurrentUser.runAs(SipaUser.system(city.city().id()), () -> clients.open("Alt"));
        CurrentUser.runAs(SipaUser.system(city.city().id()), () -> clients.deactivate(blocked.client()));
        assertError("json", mvc.perform(report("json", "drogen", "api_key", blocked.key())).andReturn(), 403);
        assertThat(stored()).isZero();
    }

    @Test
    void badInputIsRefusedWith400And404AndStoresNothing() throws Exception {
        for (var format : List.of("json", "xml")) {
            assertError(format, mvc.perform(report(format, "drogen", "attribute[art]", "")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "drogen", "attribute[art]", "tanzen")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "drogen", "lat", "91")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "drogen", "lat", "nord")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "gibt-es-nicht")).andReturn(), 404);
            assertError(format, mvc.perform(report(format, "laerm")
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(), 400);
            assertError(format, mvc.perform(report(format, "laerm").content(new byte[7 * 1024 * 1024])).andReturn(), 413);
            assertError(format, mvc.perform(multipart("/open311/v2/requests." + format)
                    .file(new MockMultipartFile("media", "foto.jpg", "image/jpeg", "<html>kein Bild</html>".getBytes()))
                    .param("jurisdiction_id", city.slug()).param("api_key", city.apiKey()).param("service_code", "laerm")
                    .param("address_string", "Marktplatz 1").param("description", "Laut")).andReturn(), 400);
            assertError(format, mvc.perform(multipart("/open311/v2/requests." + format)
                    .file(new MockMultipartFile("media", "foto.jpg", "image/jpeg", new byte[5 * 1024 * 1024 + 1]))
                    .param("jurisdiction_id", city.slug()).param("api_key", city.apiKey()).param("service_code", "laerm")
                    .param("address_string", "Marktplatz 1").param("description", "Laut")).andReturn(), 413);
        }
        assertThat(stored()).isZero();
    }

    @Test
    void theNextPostSeesAChangeOfTheCategoriesAtOnceThoughIntakeKeepsThemInMemory() throws Exception {
        var noise = city.noise();
        assertThat(mvc.perform(report("json", "laerm")).andReturn().getResponse().getStatus()).isEqualTo(200);

        // A required question from now on: the next post without an answer is refused, one with it is taken.
        var asking = new Category(noise.id(), noise.code(), noise.name(), noise.description(), noise.topic(),
                noise.serviceLevelDays(), noise.moderated(), noise.keywords(), true, List.of(new CategoryAttribute(
                        "uhrzeit", AttributeType.STRING, true, "Seit wann?", List.of())));
        system(() -> categories.update(asking));
        assertError("json", mvc.perform(report("json", "laerm")).andReturn(), 400);
        assertThat(mvc.perform(report("json", "laerm", "attribute[uhrzeit]", "22 Uhr")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        system(() -> categories.retire(noise.id()));
        var retired = mvc.perform(report("json", "laerm", "attribute[uhrzeit]", "22 Uhr")).andReturn();
        assertError("json", retired, 404);
        assertThat(retired.getResponse().getContentAsString()).contains("retired");
        assertThat(json(mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", city.slug()))
                .andReturn()).toString()).doesNotContain("laerm");

        system(() -> categories.offerAgain(noise.id()));
        assertThat(mvc.perform(report("json", "laerm", "attribute[uhrzeit]", "22 Uhr")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(stored()).isEqualTo(3);
    }

    private void system(Runnable change) {
        CurrentUser.runAs(SipaUser.system(city.city().id()), change);
    }

    private static void assertError(String format, org.springframework.test.web.servlet.MvcResult result, int status)
            throws Exception {
        if (format.equals("json")) {
            assertJsonError(result, status);
        } else {
            assertXmlError(result, status);
        }
    }

    static byte[] jpegWithExif(String secret) throws Exception {
        var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(4, 4, 10, 10);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        var jpeg = out.toByteArray();
        var payload = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        var withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((payload.length + 2) >> 8);
        withExif.write((payload.length + 2) & 0xFF);
        withExif.write(payload);
        withExif.write(jpeg, 2, jpeg.length - 2);
        var bytes = withExif.toByteArray();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains(secret);
        return bytes;
    }
}
