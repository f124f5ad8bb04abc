package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** A meeting of the Musterstadt steering group run end to end in a real browser, down to the minutes' PDF. */
class MeetingBrowserTest extends BrowserTestBase {

    private Browser browser;

    @Test
    void theCoordinatorPlansRunsAndFilesAMeeting() {
        browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.open("/meetings/new");
        new Select(browser.visible(By.id("bodyId"))).selectByVisibleText("Lenkungsgruppe Sicherheitspartnerschaft");
        browser.type(By.id("title"), "Sondersitzung Bahnhof");
        // Today in the city, early enough to have begun: attendance and minutes are taken from the meeting's day on.
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        browser.script("document.getElementById('startsAt').value = arguments[0];"
                + "document.getElementById('endsAt').value = arguments[1];", today + "T00:05", today + "T00:50");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/meetings'] button[type=submit]"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Sondersitzung Bahnhof");

        browser.submitAndWaitForNewPage(By.id("meeting-edit"));
        browser.type(By.id("location"), "Bahnhof, Raum der Bundespolizei");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/edit'] button[type=submit]"));
        assertThat(browser.visible(By.tagName("main")).getText()).contains("Die Sitzung wurde geändert.",
                "Bahnhof, Raum der Bundespolizei");

        browser.type(By.id("agenda-title"), "Lage am Bahnhof");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/agenda'] button[type=submit]"));
        assertThat(browser.visible(By.id("agenda")).getText()).contains("Lage am Bahnhof");
        var topics = new Select(browser.visible(By.xpath(
                "//ol[@id='agenda']/li[strong='Lage am Bahnhof']//select[@name='topic']")));
        var topic = topics.getOptions().get(1).getText();
        topics.selectByIndex(1);
        browser.submitAndWaitForNewPage(By.xpath(
                "//ol[@id='agenda']/li[strong='Lage am Bahnhof']//form[contains(@action,'/links/topic')]//button"));
        assertThat(browser.visible(By.cssSelector("#agenda ul.links")).getText()).startsWith("Aufgabe " + topic);

        var members = browser.driver().findElements(By.cssSelector("#attendance select[name^='status-']"));
        assertThat(members).isNotEmpty();
        members.forEach(status -> new Select(status).selectByValue("PRESENT"));
        browser.submitAndWaitForNewPage(By.cssSelector("#attendance button[type=submit]"));
        assertThat(browser.visible(By.id("quorum")).getText()).as("every voting member present; guests do not count")
                .matches("Beschlussfähig: (\\d+) von \\1 stimmberechtigten .*");

        new Select(browser.visible(By.id("decision-item"))).selectByVisibleText("Lage am Bahnhof");
        browser.type(By.id("decision-wording"), "Gemeinsame Fußstreifen am Bahnhof freitags und samstags");
        browser.type(By.id("decision-vote"), "einstimmig");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/decisions'] button[type=submit]"));
        var reference = browser.visible(By.cssSelector("#decisions li strong")).getText();
        assertThat(reference).matches("LG-\\d{4}-\\d{2}");

        browser.type(By.id("action-title"), "Streifenplan abstimmen");
        new Select(browser.visible(By.id("action-owner"))).selectByVisibleText("Polizeipräsidium Musterstadt");
        browser.script("document.getElementById('action-due').value = arguments[0];", today.plusWeeks(3).toString());
        new Select(browser.visible(By.id("action-decision"))).selectByVisibleText(reference);
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/action-items'] button[type=submit]"));
        assertThat(browser.visible(By.id("meeting-action-items")).getText())
                .contains("Streifenplan abstimmen", "Polizeipräsidium Musterstadt");

        browser.type(By.xpath("//div[@id='minutes']//label[normalize-space()='Lage am Bahnhof']/following-sibling::textarea"),
                "Die Polizei schildert die Lage; Ordnungsamt und Polizei gehen künftig gemeinsam Streife.");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/minutes'] button[type=submit]"));
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/minutes/circulate'] button"));
        assertThat(browser.visible(By.id("minutes-status")).getText()).contains("zur Durchsicht versandt");
        browser.submitAndWaitForNewPage(By.cssSelector("form[action$='/minutes/approve'] button"));
        assertThat(browser.visible(By.id("minutes-status")).getText()).contains("Fassung 1: genehmigt", "Sabine Krüger");
        assertThat(browser.visible(By.id("minutes")).getText()).contains("gemeinsam Streife");

        var href = browser.visible(By.id("minutes-pdf")).getAttribute("href");
        var download = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(bytes => done(r.status + ' '
                    + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(bytes.slice(0, 5))))));""",
                href);
        assertThat(download).isEqualTo("200 application/pdf %PDF-");
    }
}
