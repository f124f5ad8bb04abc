package de.sipa.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The address search asks the configured Nominatim-compatible geocoder on the server's side. */
class AddressSearchTests {

    private HttpServer nominatim;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startGeocoder() throws IOException {
        nominatim = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nominatim.createContext("/search", exchange -> {
            asked.add(exchange.getRequestURI().getRawQuery());
            var body = """
                    [{"place_id":1,"lat":"48.7784","lon":"9.1800","display_name":"Schlossplatz, Mitte, Musterstadt"},
                     {"place_id":2,"lat":"48.7700","lon":"9.1700","display_name":"Schlossstraße, West, Musterstadt"}]
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        nominatim.start();
    }

    @AfterEach
    void stopGeocoder() {
        nominatim.stop(0);
    }

    @Test
    void findsPlacesInThePartnershipsAreaThroughTheGeocoder() throws Exception {
        var mvc = search("http://127.0.0.1:" + nominatim.getAddress().getPort());
        mvc.perform(get("/buerger/adresssuche").param("q", "Schlossplatz").param("viewbox", "9.13,48.74,9.27,48.81"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].label").value("Schlossplatz, Mitte, Musterstadt"))
                .andExpect(jsonPath("$[0].latitude").value(48.7784))
                .andExpect(jsonPath("$[0].longitude").value(9.18))
                .andExpect(jsonPath("$.length()").value(2));
        assertThat(asked).singleElement().asString()
                .contains("format=jsonv2", "q=Schlossplatz", "bounded=1", "viewbox=9.13%2C48.74%2C9.27%2C48.81");

        mvc.perform(get("/buerger/adresssuche").param("q", "schlossplatz ").param("viewbox", "9.13,48.74,9.27,48.81"))
                .andExpect(status().isOk());
        assertThat(asked).as("the same question is answered from the cache").hasSize(1);
    }

    @Test
    void refusesQuestionsItCannotOrShouldNotForward() throws Exception {
        var mvc = search("http://127.0.0.1:" + nominatim.getAddress().getPort());
        mvc.perform(get("/buerger/adresssuche").param("q", "ab")).andExpect(status().isBadRequest());
        mvc.perform(get("/buerger/adresssuche").param("q", "x".repeat(201))).andExpect(status().isBadRequest());
        mvc.perform(get("/buerger/adresssuche").param("q", "Schlossplatz").param("viewbox", "evil&format=xml"))
                .andExpect(status().isBadRequest());
        assertThat(asked).isEmpty();

        status = 500;
        mvc.perform(get("/buerger/adresssuche").param("q", "Bahnhof")).andExpect(status().isServiceUnavailable());

        search("").perform(get("/buerger/adresssuche").param("q", "Schlossplatz")).andExpect(status().isNotFound());
    }

    @Test
    void oneAddressMayAskOnlySoOftenAMinute() throws Exception {
        var mvc = search("http://127.0.0.1:" + nominatim.getAddress().getPort());
        for (int i = 0; i < Geocoder.LIMIT_PER_MINUTE; i++) {
            mvc.perform(get("/buerger/adresssuche").param("q", "Straße " + i)).andExpect(status().isOk());
        }
        mvc.perform(get("/buerger/adresssuche").param("q", "Straße x")).andExpect(status().isTooManyRequests());
    }

    private static MockMvc search(String geocoderUrl) {
        var settings = new MapSettings("https://tile.example/{z}/{x}/{y}.png", "", geocoderUrl);
        return MockMvcBuilders.standaloneSetup(new AddressSearchController(settings,
                new Geocoder(settings, Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC)))).build();
    }
}
