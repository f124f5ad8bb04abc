package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.Browser;
import de.sipa.BrowserTestBase;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/**
 * The coordinator evaluates the demo's Palastgarten: the figures of the "Wirkung" tab change with the start date; and
 * a cluster of reports picked on the work queue's map becomes a new place.
 */
class PlaceEffectBrowserTest extends BrowserTestBase {

    @Autowired
    Partnerships partnerships;

    @Autowired
    Places places;

    @Test
    void theCoordinatorMovesTheStartDateAndSeesTheFiguresChange() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        var garden = CurrentUser.runAs(SipaUser.system(musterstadt), () -> places.places().stream()
                .filter(p -> p.name().equals(PlacesDemo.PALASTGARTEN)).findFirst().map(Place::id).orElseThrow());

        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.open("/orte/" + garden + "/wirkung");
        assertThat(browser.visible(By.cssSelector("nav.tabs a.current")).getText()).isEqualTo("Wirkung");
        var start = LocalDate.parse(browser.visible(By.id("start")).getAttribute("value"));
        var counts = figures(browser);
        var sentence = browser.visible(By.id("effect-sentence")).getText();
        assertThat(browser.visible(By.id("effect-ratings")).getText()).contains("vorher", "nachher");

        var earlier = start.minusMonths(6).withDayOfMonth(1);
        setStart(browser, earlier);
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText())
                .contains("Einstellungen der Auswertung wurden gespeichert");
        assertThat(browser.visible(By.id("start")).getAttribute("value")).isEqualTo(earlier.toString());
        assertThat(figures(browser)).as("the counts before and after the new start").isNotEqualTo(counts);
        assertThat(browser.visible(By.id("effect-sentence")).getText()).isNotEqualTo(sentence);
        assertThat(browser.visible(By.id("ratings-after")).getText()).doesNotContain("kein ganzer Monat");

        setStart(browser, start); // as the demo had it, for the other browser tests
        assertThat(figures(browser)).isEqualTo(counts);
    }

    @Test
    void reportsPickedOnTheQueueMapBecomeANewPlace() {
        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.open("/reports?view=map&queue=all");
        var map = browser.await("the reports on the map",
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue-map.points-ready")));
        var submit = browser.visible(By.id("place-from-selection-submit"));
        assertThat(submit.isEnabled()).isFalse();

        // a tick in one report's window
        var report = (WebElement) browser.script("""
                const map = document.getElementById('queue-map').getBoundingClientRect();
                return Array.from(document.querySelectorAll('#queue-map path.leaflet-interactive')).find((path) => {
                  const r = path.getBoundingClientRect();
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  return x > map.left + 60 && x < map.right - 60 && y > map.top + 60 && y < map.bottom - 60
                    && document.elementFromPoint(x, y) === path;
                });""");
        assertThat(report).as("a report on the map not covered by another").isNotNull();
        new Actions(browser.driver()).moveToElement(report).click().perform();
        browser.click(By.cssSelector(".leaflet-popup input.choose-report"));
        assertThat(browser.visible(By.id("selection-count")).getText()).isEqualTo("1 Anliegen ausgewählt");

        // and a rectangle over the map from two taps
        browser.click(By.id("select-rectangle"));
        assertThat(browser.visible(By.id("select-rectangle")).getAttribute("aria-pressed")).isEqualTo("true");
        int x = map.getSize().getWidth() / 2 - 60; // clear of the zoom buttons and the attribution
        int y = map.getSize().getHeight() / 2 - 60;
        tap(browser, map, -x, -y);
        tap(browser, map, x, y);
        browser.await("several reports chosen", d -> !d.findElement(By.id("selection-count")).getText()
                .startsWith("1 "));
        var chosen = Integer.parseInt(browser.visible(By.id("selection-count")).getText().split(" ")[0]);
        assertThat(chosen).isGreaterThan(1).isLessThanOrEqualTo(200);
        assertThat(browser.driver().findElement(By.id("selected-reports")).getAttribute("value").split(","))
                .hasSize(chosen);

        browser.submitAndWaitForNewPage(By.id("place-from-selection-submit"));
        assertThat(browser.path()).isEqualTo("/orte/neu");
        assertThat(browser.visible(By.id("place-origin")).getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.id("origin")).getAttribute("value")).isEqualTo("REPORTS");
        assertThat(browser.driver().findElement(By.id("geometry")).getAttribute("value")).contains("\"Polygon\"");
        assertThat(browser.driver().findElements(By.cssSelector("main .flash.error"))).isEmpty();
    }

    /** Sets the start date (a date field types differently per locale, so its value is set) and saves. */
    private static void setStart(Browser browser, LocalDate start) {
        browser.script("document.getElementById('start').value = arguments[0];", start.toString());
        browser.submitAndWaitForNewPage(By.cssSelector("#effect-form button[type=submit]"));
    }

    private static String figures(Browser browser) {
        return browser.visible(By.id("row-place")).getText() + " | " + browser.visible(By.id("row-buffer")).getText();
    }

    private static void tap(Browser browser, WebElement map, int x, int y) {
        new Actions(browser.driver()).moveToElement(map, x, y).click().pause(300).perform();
    }
}
