package de.sipa.reports.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.ReportQuery;
import de.sipa.reports.Reports;
import de.sipa.reports.open311.Open311Cities.Open311City;

/**
 * Bodies as real clients send them, through the real servlet container (Tomcat decodes the parameters; MockMvc
 * cannot send a malformed body): a malformed escape and ISO-8859-1 sent as UTF-8 are the spec's 400, a body that
 * names its charset is read in it. Shares the test database with the other integration tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class Open311OverHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Open311Cities cities;

    @Autowired
    Reports reports;

    Open311City city;

    @BeforeEach
    void city() {
        city = cities.create();
    }

    private HttpResponse<byte[]> post(String format, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests." + format))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] form(String description, java.nio.charset.Charset charset) {
        return ("jurisdiction_id=" + city.slug() + "&api_key=" + city.apiKey() + "&service_code=laerm&lat=48.778"
                + "&long=9.183&description=" + description).getBytes(charset);
    }

    private static void assertError(String format, HttpResponse<byte[]> response, int status) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        if (format.equals("json")) {
            var errors = JSON.readTree(response.body());
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).get("description").asString()).isNotBlank();
        } else {
            var errors = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body())).getDocumentElement();
            assertThat(errors.getTagName()).isEqualTo("errors");
            assertThat(errors.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(String.valueOf(status));
        }
    }

    /** The status line and headers of a GET sent as raw bytes. */
    private String rawGet(String target) throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

        private long stored() {
        return CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, null), PageRequest.of(0, 1))
                .getTotalElements());
    }

    @Test
    void aMalformedEscapeOrLatin1SentAsUtf8IsThe400OfTheSpec() throws Exception {
        var form = "application/x-www-form-urlencoded";
        for (var format : List.of("json", "xml")) {
            assertError(format, post(format, form, form("Musik%ZZ", StandardCharsets.UTF_8)), 400);
            assertError(format, post(format, form, form("Stra%DFe", StandardCharsets.UTF_8)), 400);
            assertError(format, post(format, form, form("Straße", StandardCharsets.ISO_8859_1)), 400);
            assertError(format, post(format, form + "; charset=ISO-8859-1", form("%ZZ", StandardCharsets.UTF_8)), 400);
            assertError(format, post(format, form + "; charset=klingon", form("Musik", StandardCharsets.UTF_8)), 400);
            var query = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/open311/v2/requests." + format + "?jurisdiction_id=" + city.slug() + "&service_code=Stra%DFe"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertError(format, query, 400);
            assertThat(rawGet("/open311/v2/requests." + format + "?jurisdiction_id=" + city.slug() + "&service_code=%ZZ"))
                    .as("the JDK's client refuses to send %ZZ, a socket does").startsWith("HTTP/1.1 400");
        }
        assertThat(stored()).isZero();
    }

    @Test
    void aBodyThatNamesItsCharsetIsReadInIt() throws Exception {
        var response = post("json", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                form("Gegröle+in+der+Schloßstraße", StandardCharsets.ISO_8859_1));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        var id = JSON.readTree(response.body()).get(0).get("service_request_id").asString();
        var report = CurrentUser.runAs(SipaUser.system(city.city().id()), () -> reports.queue(
                new ReportQuery(null, false, null, null, null, false, true, id), PageRequest.of(0, 1)).getContent().get(0));
        assertThat(report.description()).isEqualTo("Gegröle in der Schloßstraße");
    }
}
