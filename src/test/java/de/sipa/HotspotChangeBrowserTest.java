package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;


/**
 * The coordinator compares the demo's lighting reports before the Palastgarten's new lamps with those since the
 * Neckarblick estate became dark: the map shows former and emerging hot spots, the legend names the classes with
 * their rules, the table lists the cells, the GeoJSON download has every cell with its class.
 */
class HotspotChangeBrowserTest extends BrowserTestBase {

    @Test
    void theCoordinatorComparesTwoPeriodsAndSeesFormerAndEmergingHotspots() {
        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.navigate("Lagebild", "Hotspots");
        browser.submitAndWaitForNewPage(By.id("hotspot-change-link"));
        assertThat(browser.path()).isEqualTo("/lagebild/hotspots/veraenderung");

        browser.script("document.getElementById('earlierFrom').value = arguments[0];"
                + "document.getElementById('earlierTo').value = arguments[1];"
                + "document.getElementById('laterFrom').value = arguments[2];"
                + "document.getElementById('laterTo').value = arguments[3];",
                story.month(-2).toString(), story.lightingRenewed().minusDays(1).toString(),
                story.estateDark().toString(), story.today().toString());
        new Select(browser.visible(By.id("category"))).selectByValue("beleuchtung");
        browser.submitAndWaitForNewPage(By.cssSelector("#hotspot-change-filter button[type=submit]"));
        assertThat(browser.query()).contains("category=beleuchtung", "splits=4");

        browser.await("the change layer", d -> (Boolean) browser.script(
                "return document.getElementById('hotspot-change-map').classList.contains('hotspots-loaded')"));
        var former = ((Number) browser.script(
                "return document.querySelectorAll('#hotspot-change-map path.change-cell.change-former').length"))
                .intValue();
        var emerging = ((Number) browser.script(
                "return document.querySelectorAll('#hotspot-change-map path.change-cell.change-emerging').length"))
                .intValue();
        assertThat(former).as("former hot spots (Palastgarten) on the map").isPositive();
        assertThat(emerging).as("emerging hot spots (Neckarblick) on the map").isPositive();
        assertThat(browser.visible(By.id("hotspot-change-legend")).getText())
                .contains("neu", "ehemalig", "dauerhaft", "in mindestens 80 % aller Teilzeiträume", "sfhotspot");
        assertThat(browser.visible(By.id("change-cells")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();

        var download = browser.visible(By.id("hotspot-change-download"));
        assertThat(download.getAttribute("href")).contains("/lagebild/hotspots/veraenderung.geojson?",
                "category=beleuchtung");
        @SuppressWarnings("unchecked")
        var geojson = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('hotspot-change-download').href)"
                        + ".then(r => r.json()).then(g => done({ type: g.type, features: g.features.length,"
                        + " emerging: g.features.filter(f => f.properties.class === 'emerging').length }))"
                        + ".catch(e => done({ error: String(e) }))");
        assertThat(geojson).containsEntry("type", "FeatureCollection");
        assertThat(((Number) geojson.get("features")).intValue()).isGreaterThan(100);
        assertThat(((Number) geojson.get("emerging")).intValue()).isEqualTo(emerging);
        MapTilesBrowserTest.screenshot(browser, "hotspot-change.png");
    }
}
