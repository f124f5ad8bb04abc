package de.sipa.maps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds places for an address through the installation's Nominatim-compatible geocoder
 * ({@code sipa.map.geocoder-url}). Answers are kept for a while (the same streets are asked for again and again,
 * and public Nominatim allows one request a second), and one address may ask only {@link #LIMIT_PER_MINUTE}
 * times a minute, so the public search cannot be used to flood the geocoder.
 */
@Component
class Geocoder {

    static final int MAX_QUERY = 200;
    static final int LIMIT_PER_MINUTE = 30;
    private static final int MAX_RESULTS = 5;
    private static final int CACHED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Geocoder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A place found for an address. */
    record Place(String label, double latitude, double longitude) {
    }

    /** The geocoder did not answer usefully; the page says the search is not available now. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MapSettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, List<Place>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Place>> eldest) {
                    return size() > CACHED;
                }
            });
    private final Map<String, AtomicInteger> askedThisMinute = new ConcurrentHashMap<>();
    private volatile long minute;

    Geocoder(MapSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the address may ask again; counts the question. */
    boolean allow(String clientAddress) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            askedThisMinute.clear();
        }
        return askedThisMinute.computeIfAbsent(clientAddress, a -> new AtomicInteger()).incrementAndGet()
                <= LIMIT_PER_MINUTE;
    }

    /**
     * Places for the address, preferring (and limited to) the view box west,south,east,north when one is given.
     *
     * @throws Unavailable when the geocoder cannot be reached or answers with an error
     */
    List<Place> search(String query, Optional<String> viewbox) {
        var key = query.strip().toLowerCase(Locale.ROOT) + "|" + viewbox.orElse("");
        var known = cache.get(key);
        if (known != null) {
            return known;
        }
        var url = new StringBuilder(settings.geocoderUrl().endsWith("/search") ? settings.geocoderUrl()
                : settings.geocoderUrl() + "/search")
                .append("?format=jsonv2&addressdetails=0&limit=").append(MAX_RESULTS)
                .append("&q=").append(URLEncoder.encode(query.strip(), StandardCharsets.UTF_8));
        viewbox.ifPresent(box -> url.append("&bounded=1&viewbox=").append(URLEncoder.encode(box, StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .header("Accept-Language", "de")
                // Nominatim's usage policy asks for an application that names itself.
                .header("User-Agent", "SiPa (Sicherheitspartnerschaft; address search of the report form)")
                .GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Unavailable("geocoder answered " + response.statusCode(), null);
            }
            var places = new ArrayList<Place>();
            for (var hit : JSON.readTree(response.body())) {
                if (hit.has("lat") && hit.has("lon") && hit.has("display_name") && places.size() < MAX_RESULTS) {
                    places.add(new Place(hit.get("display_name").asString(), Double.parseDouble(hit.get("lat").asString()),
                            Double.parseDouble(hit.get("lon").asString())));
                }
            }
            var found = List.copyOf(places);
            cache.put(key, found);
            return found;
        } catch (IOException | JacksonException | NumberFormatException e) {
            LOG.warn("Address search failed: {}", e.toString());
            throw new Unavailable("geocoder failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
