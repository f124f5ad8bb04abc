package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The maps load their tiles from the tile server of the installation's setting (here a stub on 127.0.0.1) under
 * the real Content-Security-Policy, start on the partnership's area and draw its districts.
 */
class MapTilesBrowserTest extends BrowserTestBase {

    @Test
    void thePublicMapLoadsTilesFromTheConfiguredServerWithoutAViolationOfThePolicy() {
        var before = MAP_SERVER.tileRequests().size();
        var browser = open(Browser.DESKTOP);
        recordPolicyViolations(browser);
        browser.open("/buerger/musterstadt/karte");
        browser.visible(By.id("public-map"));

        browser.await("tiles shown in the map", d -> ((Number) browser.script(
                "return Array.from(document.querySelectorAll('#public-map img.leaflet-tile'))"
                        + ".filter(t => t.complete && t.naturalWidth > 0).length")).intValue() >= 4);
        browser.await("all tiles loaded", d -> (Boolean) browser.script(
                "return Array.from(document.querySelectorAll('#public-map img.leaflet-tile')).every(t => t.complete)"));
        @SuppressWarnings("unchecked")
        var broken = (List<String>) browser.script("return Array.from(document.querySelectorAll('#public-map "
                + "img.leaflet-tile')).filter(t => t.naturalWidth === 0).map(t => t.src)");
        assertThat(broken).as("tiles the browser did not load").isEmpty();
        var requested = MAP_SERVER.tileRequests().subList(before, MAP_SERVER.tileRequests().size());
        assertThat(requested).as("tiles asked from the stub server").hasSizeGreaterThanOrEqualTo(4)
                .allMatch(path -> path.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
        assertThat(browser.script("return window.cspViolations")).as("violations of the Content-Security-Policy")
                .isEqualTo(List.of());

        // Musterstadt's six districts are drawn, and the map shows their area, not all of Germany.
        browser.await("the district outlines", d -> ((Number) browser.script(
                "return document.querySelectorAll('#public-map path.district-outline').length")).intValue() == 6);
        var zoom = Integer.parseInt(requested.get(requested.size() - 1).split("/")[2]);
        assertThat(zoom).as("zoom of the tiles: the city, not the country").isBetween(11, 15);
        assertThat(browser.visible(By.cssSelector("#public-map .leaflet-control-attribution")).getText())
                .contains("OpenStreetMap");
        screenshot(browser, "public-map.png");
    }

    /** Collects violations of the page's Content-Security-Policy in {@code window.cspViolations}, from the start. */
    static void recordPolicyViolations(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    /** Keeps a picture of the whole page in target/screenshots, to look at. */
    static void screenshot(Browser browser, String name) {
        // The whole page, not only the phone's screen.
        var shot = ((ChromeDriver) browser.driver()).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        try {
            var directory = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(directory.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
