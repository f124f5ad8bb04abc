package de.sipa.maps;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map of the installation, one setting for every map and for the Content-Security-Policy.
 *
 * @param tileUrl background tiles, Leaflet's template with {@code {z}}, {@code {x}}, {@code {y}} and optionally
 *     {@code {s}} for subdomains (then all subdomains of the host are admitted)
 * @param attribution HTML shown in the corner of every map; the tile provider's licence usually requires it
 * @param geocoderUrl base URL of a Nominatim-compatible geocoder (SiPa asks {@code <url>/search}); empty: no
 *     address search
 */
@ConfigurationProperties("sipa.map")
public record MapSettings(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
        @DefaultValue("&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>") String attribution,
        @DefaultValue("") String geocoderUrl) {

    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)(/.*)?$");

    public MapSettings {
        if (tileUrl == null || !ORIGIN.matcher(tileUrl).matches() || !tileUrl.contains("{z}")
                || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
            throw new IllegalArgumentException("sipa.map.tile-url must be an http(s) URL with {z}, {x} and {y}, e.g. "
                    + "https://tile.openstreetmap.org/{z}/{x}/{y}.png; it is: " + tileUrl);
        }
        attribution = attribution == null ? "" : attribution;
        geocoderUrl = geocoderUrl == null ? "" : geocoderUrl.strip().replaceAll("/+$", "");
    }

    /**
     * The origin the browser loads tiles from, as a CSP source: {@code https://tile.openstreetmap.org}, or
     * {@code https://*.tile.example.org} for {@code https://{s}.tile.example.org/…}.
     */
    public String tileOrigin() {
        var matcher = ORIGIN.matcher(tileUrl);
        matcher.matches();
        return matcher.group(1).replace("{s}", "*");
    }

    public boolean geocoderEnabled() {
        return !geocoderUrl.isEmpty();
    }
}
