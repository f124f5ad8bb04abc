package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** After a night in the Palastgarten, a police officer writes the patrol report on the phone. */
class PatrolBrowserTest extends BrowserTestBase {

    private Browser browser;

    @Test
    void anOfficerFillsThePatrolReportOnAPhoneAndReportsAnObservation() {
        browser = open(Browser.PHONE);
        browser.logIn("polizei", "demo");
        var lastWeek = LocalDate.now(ZoneId.of("Europe/Berlin")).minusWeeks(1);
        browser.open(String.format("/patrols?week=%d-W%02d", lastWeek.get(IsoFields.WEEK_BASED_YEAR),
                lastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        browser.submitAndWaitForNewPage(By.cssSelector("#roster tbody tr:last-child td a"));
        browser.submitAndWaitForNewPage(By.id("report-link"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Streifenbericht");

        browser.script("document.getElementById('startedAt').value = '20:10';"
                + "document.getElementById('endedAt').value = '01:40';");
        browser.type(By.id("citizenContacts"), "17");
        browser.type(By.id("places"), "Pavillon, Spielplatz, Bahnhofsvorplatz");
        browser.type(By.id("incidents"), "Rangelei am Brunnen, Beteiligte getrennt.");
        browser.type(By.id("measures"), "Personalien festgestellt, ein Platzverweis.");
        assertThat(browser.visibleFields("#report-form")).isEqualTo(6);
        assertThat(browser.unlabelledFields("#report-form")).as("fields without label").isEmpty();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .as("the report fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());
        browser.submitAndWaitForNewPage(By.cssSelector("#report-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText())
                .isEqualTo("Der Streifenbericht ist gespeichert.");
        assertThat(browser.visible(By.id("report-status")).getText()).contains("Frank Becker", "5,5 Stunden");
        assertThat(browser.driver().findElement(By.id("citizenContacts")).getAttribute("value")).isEqualTo("17");

        new Select(browser.visible(By.id("categoryId"))).selectByVisibleText("Lärm und Ruhestörung");
        browser.type(By.id("place"), "Pavillon");
        browser.type(By.id("description"), "Musikbox bis nach Mitternacht, Anwohner beschweren sich.");
        browser.submitAndWaitForNewPage(By.cssSelector("#observation-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText())
                .isEqualTo("Die Beobachtung ist festgehalten.");
        var observation = By.xpath("//ul[contains(@class,'observations')]/li[contains(., 'Musikbox bis nach Mitternacht')]");
        browser.submitAndWaitForNewPage(By.xpath("//ul[contains(@class,'observations')]/li[contains(., "
                + "'Musikbox bis nach Mitternacht')]//button[contains(@class,'to-report')]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText())
                .startsWith("Die Beobachtung ist als Anliegen gemeldet");
        assertThat(browser.visible(observation).getText()).contains("als Anliegen gemeldet");
        assertThat(browser.driver().findElement(observation).findElements(By.cssSelector("button.to-report")))
                .as("one tap only").isEmpty();

        // Drugs ask what was seen: the form shows the question once the category is chosen, and needs the answer.
        new Select(browser.visible(By.id("categoryId"))).selectByVisibleText("Drogenkonsum oder -handel");
        browser.visible(By.id("attribute-drogen-art"));
        assertThat(browser.unlabelledFields("#observation-form")).as("fields without label").isEmpty();
        browser.type(By.id("description"), "Übergabe kleiner Päckchen am Pavillon.");
        browser.submitAndWaitForNewPage(By.cssSelector("#observation-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("#observation-form .flash.error")).getText())
                .isEqualTo("Bitte beantworten Sie: Was haben Sie beobachtet?");
        assertThat(browser.driver().findElement(By.id("description")).getAttribute("value"))
                .as("what was typed is kept").isEqualTo("Übergabe kleiner Päckchen am Pavillon.");
        new Select(browser.visible(By.id("attribute-drogen-art"))).selectByVisibleText("Handel");
        browser.submitAndWaitForNewPage(By.cssSelector("#observation-form button[type=submit]"));
        browser.submitAndWaitForNewPage(By.xpath("//ul[contains(@class,'observations')]/li[contains(., "
                + "'Übergabe kleiner Päckchen')]//button[contains(@class,'to-report')]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText())
                .startsWith("Die Beobachtung ist als Anliegen gemeldet");
    }
}
