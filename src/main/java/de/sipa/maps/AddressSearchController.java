package de.sipa.maps;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address search of the report forms, public because citizens use it.
 *
 * <p>The browser asks SiPa, and SiPa asks the geocoder, rather than the browser asking the geocoder itself: the
 * Content-Security-Policy keeps {@code connect-src 'self'}, the citizen's address and network address go to a
 * third party only through the city's server and only to the geocoder the city chose (which sees the server, not
 * the citizen), and SiPa can cache and limit the questions as public geocoders require.
 */
@RestController
class AddressSearchController {

    private static final Pattern VIEWBOX = Pattern.compile("-?\\d{1,3}(\\.\\d+)?(,-?\\d{1,3}(\\.\\d+)?){3}");

    private final MapSettings settings;
    private final Geocoder geocoder;

    AddressSearchController(MapSettings settings, Geocoder geocoder) {
        this.settings = settings;
        this.geocoder = geocoder;
    }

    /**
     * Up to five places for {@code q}; {@code viewbox} (west,south,east,north, e.g. the partnership's area) limits
     * the search. 404 without a geocoder, 400 for a too short or too long query, 429 when asked too often, 503 when
     * the geocoder fails.
     */
    @GetMapping(path = "/buerger/adresssuche", produces = "application/json")
    ResponseEntity<List<Geocoder.Place>> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String viewbox, HttpServletRequest request) {
        if (!settings.geocoderEnabled()) {
            return ResponseEntity.notFound().build();
        }
        var query = q.strip();
        if (query.length() < 3 || query.length() > Geocoder.MAX_QUERY
                || (viewbox != null && !VIEWBOX.matcher(viewbox).matches())) {
            return ResponseEntity.badRequest().build();
        }
        if (!geocoder.allow(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        try {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(geocoder.search(query, Optional.ofNullable(viewbox)));
        } catch (Geocoder.Unavailable e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }
}
