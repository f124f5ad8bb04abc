package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** On a phone at the place: a coordinator draws a new place on the map and walks the site audit's checklist. */
class PlacesBrowserTest extends BrowserTestBase {

    @Test
    void aPlaceIsDrawnOnThePhoneAndItsAuditChecklistWalkedCriterionByCriterion() {
        var browser = open(Browser.PHONE);
        browser.logIn("koordination", "demo");
        browser.open("/orte");
        browser.submitAndWaitForNewPage(By.id("new-place"));

        var map = browser.visible(By.cssSelector("#map.map-ready"));
        browser.click(By.id("draw-polygon"));
        new Actions(browser.driver()).moveToElement(map, -60, -40).click().pause(300)
                .moveToElement(map, 60, -40).click().pause(300)
                .moveToElement(map, 0, 50).click().perform();
        browser.await("the drawn area in the GeoJSON field", ExpectedConditions.attributeContains(
                By.id("geometry"), "value", "\"type\":\"Polygon\""));
        assertThat(browser.driver().findElements(By.cssSelector("#map path.leaflet-interactive"))).isNotEmpty();
        browser.type(By.id("name"), "Spielplatz am Weiher");
        new Select(browser.visible(By.id("deficit"))).selectByVisibleText("Subjektiv (Angstraum)");
        browser.type(By.id("ownerName"), "Grünflächenamt");
        assertThat(browser.unlabelledFields("#place-form")).as("fields without label").isEmpty();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .as("the form fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());
        browser.submitAndWaitForNewPage(By.cssSelector("#place-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText()).isEqualTo("Der Ort ist gespeichert.");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Spielplatz am Weiher");

        browser.submitAndWaitForNewPage(By.linkText("Begehungen"));
        browser.type(By.id("participants"), "Polizei, Ordnungsamt");
        browser.submitAndWaitForNewPage(By.cssSelector("#start-audit button[type=submit]"));
        String[] ratings = {"GOOD", "FAIR", "POOR", "POOR", "FAIR", "NOT_ASSESSED", "GOOD", "FAIR", "GOOD"};
        for (int step = 1; step <= ratings.length; step++) {
            assertThat(browser.visible(By.id("audit-progress")).getText()).startsWith("Kriterium " + step + " von 9");
            var choice = browser.visible(By.cssSelector("label.rating-" + ratings[step - 1]));
            assertThat(choice.getSize().getHeight()).as("a big touch target").isGreaterThanOrEqualTo(44);
            choice.click();
            if (step == 3) {
                browser.type(By.id("note"), "Zwei Lampen am Weg dunkel");
            }
            assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                    .as("criterion " + step + " fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());
            browser.submitAndWaitForNewPage(By.id("save-step"));
        }
        assertThat(browser.visible(By.id("audit-result")).getText()).contains("Beleuchtung: schlecht",
                "Zwei Lampen am Weg dunkel", "Belebtheit: nicht bewertet", "Hilfe in der Nähe: gut");
    }
}
