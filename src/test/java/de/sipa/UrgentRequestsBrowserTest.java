package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A short-notice request on two phones: the Ordnungsamt asks the police from the street (the time is today by
 * default), the police find it on top of their "Anfragen", confirm it with one click and accept it.
 */
class UrgentRequestsBrowserTest extends BrowserTestBase {

    @Test
    void theOrdnungsamtAsksThePoliceOnAPhoneAndThePoliceConfirmAndAccept() {
        var ordnungsamt = open(Browser.PHONE);
        ordnungsamt.logIn("ordnungsamt", "demo");
        ordnungsamt.open("/urgent-requests/new");
        assertThat(ordnungsamt.driver().findElement(By.id("neededAt")).getAttribute("value")).as("today by default")
                .isNotEmpty();
        new Select(ordnungsamt.visible(By.id("addressedOrganisation")))
                .selectByVisibleText("Polizeipräsidium Musterstadt");
        ordnungsamt.type(By.id("place"), "Schillerplatz");
        ordnungsamt.type(By.id("what"), "Kundgebung mit etwa 80 Personen angezeigt, bitte Streife zur Begleitung.");
        ordnungsamt.click(By.cssSelector("label[for=urgency-IMMEDIATE]"));
        assertThat(ordnungsamt.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on the phone").isEqualTo(true);
        ordnungsamt.submitAndWaitForNewPage(By.cssSelector("#urgent-request-form button[type=submit]"));
        assertThat(ordnungsamt.visible(By.id("urgent-request-status")).getText()).isEqualTo("offen");

        var police = open(Browser.PHONE);
        police.logIn("polizei", "demo");
        police.open("/urgent-requests");
        var first = police.visible(By.cssSelector("#urgent-requests li a.card"));
        assertThat(first.getText()).contains("Schillerplatz", "offen", "vor 0 Min.");
        police.submitAndWaitForNewPage(By.cssSelector("#urgent-requests li a.card"));
        police.submitAndWaitForNewPage(By.id("acknowledge"));
        assertThat(police.visible(By.id("urgent-request-acknowledged")).getText()).contains("Frank Becker",
                "nach 0 Minuten");
        police.type(By.id("answer-text"), "Streife Revier Mitte kommt um 17 Uhr.");
        police.submitAndWaitForNewPage(By.id("accept"));
        assertThat(police.visible(By.id("urgent-request-status")).getText()).isEqualTo("Zusage");

        ordnungsamt.open(ordnungsamt.path());
        ordnungsamt.await("the answer", ExpectedConditions.textToBePresentInElementLocated(By.id("urgent-request-answer"),
                "Streife Revier Mitte kommt um 17 Uhr."));
        assertThat(ordnungsamt.visible(By.id("urgent-request-log")).getText()).contains("Eingang bestätigt",
                "Zusage von Polizeipräsidium Musterstadt");
    }
}
