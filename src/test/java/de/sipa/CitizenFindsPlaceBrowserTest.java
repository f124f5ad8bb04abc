package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A citizen on a phone finds the place of the concern without knowing coordinates: by the phone's location or by
 * searching the address (through SiPa's proxy to the stub geocoder), and reports it; the partner sees the place on
 * the report's map.
 */
class CitizenFindsPlaceBrowserTest extends BrowserTestBase {

    @Test
    void aCitizenOnAPhoneFindsThePlaceByLocationOrAddressAndReports() {
        var citizen = open(Browser.PHONE);
        MapTilesBrowserTest.recordPolicyViolations(citizen);
        var cdp = (ChromeDriver) citizen.driver();
        cdp.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        cdp.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 48.7712, "longitude", 9.2150, "accuracy", 10));
        citizen.open("/buerger/musterstadt/melden");

        assertThat(citizen.driver().findElement(By.id("latitude")).isDisplayed())
                .as("coordinates are not the first thing shown").isFalse();
        new Select(citizen.visible(By.id("categoryId"))).selectByVisibleText("Vermüllung und Verwahrlosung");
        citizen.type(By.id("description"), "Sperrmüll und Scherben vor dem Brunnen, seit einer Woche.");

        citizen.click(By.id("locate-me"));
        citizen.await("the phone's location to set the point",
                d -> "48.771200".equals(d.findElement(By.id("latitude")).getDomProperty("value")));
        assertThat(citizen.driver().findElement(By.id("longitude")).getDomProperty("value")).isEqualTo("9.215000");

        var searchesBefore = MAP_SERVER.searches().size();
        citizen.type(By.id("address"), "Schlossplatz");
        citizen.click(By.id("address-search"));
        var result = citizen.visible(By.cssSelector("#address-results button"));
        assertThat(result.getText()).isEqualTo(StubMapServer.SCHLOSSPLATZ_LABEL);
        var search = MAP_SERVER.searches().get(searchesBefore);
        assertThat(search).as("asked on the server's side, limited to Musterstadt's area")
                .contains("q=Schlossplatz", "bounded=1", "viewbox=9.13%2C48.74%2C9.27%2C48.81");
        result.click();
        citizen.await("the found address to set the point",
                d -> "48.778100".equals(d.findElement(By.id("latitude")).getDomProperty("value")));
        assertThat(citizen.driver().findElement(By.id("longitude")).getDomProperty("value")).isEqualTo("9.179500");
        assertThat(citizen.visible(By.id("place-chosen")).getText()).contains(StubMapServer.SCHLOSSPLATZ_LABEL);
        assertThat(citizen.driver().findElement(By.id("address")).getDomProperty("value"))
                .isEqualTo(StubMapServer.SCHLOSSPLATZ_LABEL);
        assertThat(citizen.driver().findElements(By.cssSelector("#report-map .leaflet-marker-icon"))).hasSize(1);
        assertThat(citizen.script("return window.cspViolations")).isEqualTo(List.of());
        MapTilesBrowserTest.screenshot(citizen, "citizen-form-phone.png");

        citizen.submitAndWaitForNewPage(By.cssSelector("form button[type=submit].primary"));
        var heading = citizen.visible(By.tagName("h1")).getText();
        assertThat(heading).matches("Ihr Anliegen Nr\\. \\d{4}-\\d{6}");
        var number = heading.substring(heading.lastIndexOf(' ') + 1);

        var partner = open(Browser.DESKTOP);
        partner.logIn("ordnungsamt", "demo");
        partner.navigate("Anliegen", "Arbeitslisten");
        partner.submitAndWaitForNewPage(By.linkText(number));
        var placeMap = partner.visible(By.id("place-map"));
        assertThat(placeMap.getAttribute("data-latitude")).isEqualTo("48.7781");
        assertThat(placeMap.getAttribute("data-longitude")).isEqualTo("9.1795");
        partner.await("the report's place marked on its map",
                d -> !d.findElements(By.cssSelector("#place-map .leaflet-marker-icon")).isEmpty());
        assertThat(partner.visible(By.cssSelector("dl.facts")).getText()).contains("Mitte", "Schlossplatz");
    }
}
