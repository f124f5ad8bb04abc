package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.operations.EventId;
import de.sipa.operations.OperationsLog;
import de.sipa.partners.Partnerships;

/**
 * Events in a real browser: the coordinator draws an event's area on the map; on a phone the police open the demo
 * Stadtfest's plan and operations log, and an entry written elsewhere appears on the open page without a reload; on
 * a phone the log's field is on top, and an entry posted there appears without a reload or a jump.
 */
class EventsBrowserTest extends BrowserTestBase {

    @Autowired
    OperationsLog log;

    @Autowired
    Partnerships partnerships;

    private Browser browser;

    @Test
    void aNewLogEntryAppearsOnTheOpenPageOfAnotherOrganisation() {
        browser = open(Browser.PHONE);
        browser.logIn("polizei", "demo");
        var event = stadtfest();
        assertThat(browser.visible(By.id("event-plan")).getText()).contains("Fassung 1", "freigegeben");
        browser.open("/events/" + event + "/plan/mobile");
        assertThat(browser.visible(By.id("mobile-contacts")).getText()).contains("Kanal 4", "Lagezentrum Rathaus");

        browser.open("/events/" + event + "/log");
        var entries = browser.visible(By.id("log-entries"));
        var before = entries.findElements(By.cssSelector("li[data-number]")).size();
        assertThat(before).as("the demo's entries").isGreaterThanOrEqualTo(30);
        assertThat(entries.getText()).contains("berichtigt #15", "Eberhardstraße");

        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt),
                () -> log.write(event, "Nachtrag: Fundsachen an das Fundbüro übergeben.", null));
        browser.await("the new entry", ExpectedConditions.textToBePresentInElementLocated(By.id("log-entries"),
                "Fundsachen an das Fundbüro"));
        assertThat(browser.driver().findElements(By.cssSelector("#log-entries li[data-number]"))).hasSize(before + 1);
    }

    @Test
    void onAPhoneTheFieldIsOnTopAndAnEntryIsPostedInPlaceWithoutReloadOrJump() {
        browser = open(Browser.PHONE);
        browser.logIn("polizei", "demo");
        browser.open("/events/" + stadtfest() + "/log");
        var form = browser.visible(By.id("log-form"));
        var entries = browser.visible(By.id("log-entries"));
        assertThat(form.getLocation().getY()).as("the field above the entries").isLessThan(entries.getLocation().getY());
        assertThat(inView("log-text")).as("the field on the first screen").isTrue();
        browser.script("window.notReloaded = true;");
        var scrolled = browser.script("return window.scrollY");

        browser.type(By.id("log-text"), "Streife am Brunnen: Lage ruhig.");
        browser.click(By.cssSelector("#log-form button[type=submit]"));
        browser.await("the new entry on top of the entries", d -> d.findElement(
                By.cssSelector("#log-entries li[data-number]")).getText().contains("Streife am Brunnen: Lage ruhig."));
        browser.await("the confirmation in the emptied form", ExpectedConditions.textToBePresentInElementLocated(
                By.id("log-form"), "Der Eintrag steht im Einsatztagebuch."));
        assertThat(browser.script("return window.notReloaded === true")).as("no reload").isEqualTo(true);
        assertThat(browser.script("return window.scrollY")).as("no jump").isEqualTo(scrolled);
        assertThat(browser.driver().findElement(By.id("log-text")).getAttribute("value")).isEmpty();
        assertThat(browser.script("return document.activeElement.id")).as("ready for the next entry").isEqualTo("log-text");
        assertThat(inView("log-text")).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector("#log-entries li[data-number] .log-author")).getText())
                .isEqualTo("Polizeipräsidium Musterstadt (Frank Becker)");
    }

    @Test
    void theCoordinatorDrawsTheEventsAreaOnTheMap() {
        browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.open("/events/new");
        browser.type(By.id("name"), "Weinfest am Marktplatz");
        var map = browser.visible(By.cssSelector("#area-map.map-ready"));
        var actions = new Actions(browser.driver());
        for (int[] offset : new int[][] {{-60, -40}, {60, -40}, {0, 50}}) {
            actions.moveToElement(map, offset[0], offset[1]).click().perform();
        }
        assertThat(browser.driver().findElement(By.id("area")).getAttribute("value"))
                .startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/events'] button[type=submit]"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Weinfest am Marktplatz");
        assertThat(browser.driver().findElement(By.id("map")).getAttribute("data-geojson")).contains("Polygon");
    }

    /** Opens the demo's Stadtfest (among the past events) and answers its id. */
    private EventId stadtfest() {
        browser.open("/events?upcoming=false");
        browser.submitAndWaitForNewPage(By.partialLinkText("Stadtfest Musterstadt"));
        return new EventId(UUID.fromString(browser.path().substring("/events/".length())));
    }

    private boolean inView(String id) {
        return Boolean.TRUE.equals(browser.script("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", id));
    }
}
