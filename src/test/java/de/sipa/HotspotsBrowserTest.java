package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator looks for hotspots of the lighting reports over the demo's two years: the map shows the Gi*
 * cells and, switched on, the density; the legend explains and warns; the GeoJSON download has the cells.
 */
class HotspotsBrowserTest extends BrowserTestBase {

    @Test
    void theCoordinatorChoosesAPeriodAndACategoryAndSeesTheHotspotsLegendAndDownload() {
        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.navigate("Lagebild", "Hotspots");
        assertThat(browser.path()).isEqualTo("/lagebild/hotspots");

        browser.script("document.getElementById('from').value = arguments[0]",
                story.today().minusYears(2).toString());
        new Select(browser.visible(By.id("category"))).selectByValue("beleuchtung");
        browser.submitAndWaitForNewPage(By.cssSelector("#hotspot-filter button[type=submit]"));
        assertThat(browser.query()).contains("category=beleuchtung", "cell=100");

        browser.await("the hotspot layer", d -> (Boolean) browser.script(
                "return document.getElementById('hotspot-map').classList.contains('hotspots-loaded')"));
        var hotCells = ((Number) browser.script(
                "return document.querySelectorAll('#hotspot-map path.hotspot-cell.hotspot-hot99, "
                        + "#hotspot-map path.hotspot-cell.hotspot-hot95').length")).intValue();
        assertThat(hotCells).as("hot spots at 95 % or more on the map").isPositive();
        assertThat(browser.visible(By.id("hotspot-legend")).getText())
                .contains("Getis-Ord Gi*", "Hotspot, 99 % Konfidenz", "nicht fair");
        assertThat(browser.visible(By.id("hot-cells")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();

        assertThat(browser.script("return document.querySelectorAll('#hotspot-map path.density-cell').length"))
                .isEqualTo(0L);
        browser.click(By.id("layer-density"));
        browser.await("the heat layer", d -> ((Number) browser.script(
                "return document.querySelectorAll('#hotspot-map path.density-cell').length")).intValue() > 0);

        var download = browser.visible(By.id("hotspot-download"));
        assertThat(download.getAttribute("href")).contains("/lagebild/hotspots.geojson?", "category=beleuchtung");
        @SuppressWarnings("unchecked")
        var geojson = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('hotspot-download').href)"
                        + ".then(r => r.json()).then(g => done({ type: g.type, features: g.features.length,"
                        + " hot: g.features.filter(f => f.properties.class === 'hot99').length,"
                        + " crs: g.properties.grid.crs }))"
                        + ".catch(e => done({ error: String(e) }))");
        assertThat(geojson).containsEntry("type", "FeatureCollection").containsEntry("crs", "EPSG:32632");
        assertThat(((Number) geojson.get("features")).intValue()).isGreaterThan(100);
        assertThat(((Number) geojson.get("hot")).intValue()).isPositive();
        MapTilesBrowserTest.screenshot(browser, "hotspots.png");
    }
}
