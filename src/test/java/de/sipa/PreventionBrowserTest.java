package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * On a phone: the coordinator plans a prevention project through the seven Beccaria steps, measures an indicator,
 * marks the project evaluated and opens its project sheet.
 */
class PreventionBrowserTest extends BrowserTestBase {

    /** The required fields of each step, in the order of the steps. */
    private static final String[][] REQUIRED = {
        {"problem", "sources"}, {"causes"}, {"goals", "targetGroups"}, {"measures", "rationale"},
        {"concept", "schedule"}, {"implementationCheck", "goalAttainment"}, {"conclusions"}};

    @Test
    void aProjectIsPlannedThroughTheSevenStepsEvaluatedAndItsSheetOpened() {
        var browser = open(Browser.PHONE);
        browser.logIn("koordination", "demo");
        browser.open("/praevention");
        assertThat(browser.driver().findElements(By.cssSelector("#projects tbody tr"))).hasSizeGreaterThanOrEqualTo(10);
        browser.submitAndWaitForNewPage(By.id("new-project"));

        browser.type(By.id("title"), "Nachtbus-Begleitung");
        new Select(browser.visible(By.id("field"))).selectByVisibleText("Öffentlicher Raum");
        browser.click(By.cssSelector("label[for=group-WOMEN]"));
        browser.type(By.id("fundingSource-0"), "Stadt Musterstadt");
        browser.type(By.id("fundingAmount-0"), "2.500");
        assertThat(browser.unlabelledFields("#project-form")).as("fields without label").isEmpty();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .as("the form fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());
        browser.submitAndWaitForNewPage(By.cssSelector("#project-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText()).isEqualTo("Das Projekt ist gespeichert.");
        assertThat(browser.visible(By.id("project-budget")).getText()).contains("2.500 €");

        browser.submitAndWaitForNewPage(By.cssSelector("#step-1 a"));
        for (int step = 1; step <= 7; step++) {
            assertThat(browser.visible(By.tagName("h1")).getText()).startsWith("Schritt " + step + ":");
            assertThat(browser.driver().findElements(By.cssSelector("#guiding-questions li"))).isNotEmpty();
            for (var field : REQUIRED[step - 1]) {
                browser.type(By.id(field), "Text zu " + field + " im Schritt " + step);
            }
            assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                    .as("step " + step + " fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());
            browser.submitAndWaitForNewPage(By.cssSelector(step < 7 ? "#step-form button[name=next]"
                    : "#step-form button[name=save]"));
        }
        assertThat(browser.visible(By.id("step-completeness")).getText()).isEqualTo("1 von 1 Pflichtfeldern ausgefüllt");
        browser.type(By.id("note"), "Sauber geplant.");
        browser.submitAndWaitForNewPage(By.cssSelector("#quality-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText()).isEqualTo("Der Hinweis ist gespeichert.");

        browser.submitAndWaitForNewPage(By.cssSelector("main > section > p:first-child a"));
        assertThat(browser.visible(By.id("completeness")).getText()).startsWith("100 %");
        new Select(browser.visible(By.id("status"))).selectByValue("EVALUATED");
        browser.submitAndWaitForNewPage(By.cssSelector("#status-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector("main .flash.error")).getText())
                .contains("mindestens ein Indikator einen gemessenen Wert hat");

        browser.click(By.cssSelector("#new-indicator summary"));
        browser.type(By.id("indicator-name"), "Begleitete Fahrten");
        browser.type(By.id("indicator-baseline"), "0");
        browser.type(By.id("indicator-target"), "200");
        browser.submitAndWaitForNewPage(By.cssSelector("#indicator-form button[type=submit]"));
        browser.script("document.querySelector('.value-form input[name=from]').value = '2026-01-01';"
                + "document.querySelector('.value-form input[name=to]').value = '2026-06-30';");
        browser.type(By.cssSelector(".value-form input[name=value]"), "120");
        browser.submitAndWaitForNewPage(By.cssSelector(".value-form button[type=submit]"));
        assertThat(browser.visible(By.cssSelector(".indicator .measured")).getText()).contains("120");
        assertThat(browser.driver().findElements(By.cssSelector(".indicator figure svg rect"))).hasSize(3);

        new Select(browser.visible(By.id("status"))).selectByValue("EVALUATED");
        browser.submitAndWaitForNewPage(By.cssSelector("#status-form button[type=submit]"));
        assertThat(browser.visible(By.id("project-status")).getText()).isEqualTo("Evaluiert");
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .as("the project page fits the phone's width").isLessThanOrEqualTo((long) Browser.PHONE.width());

        var sheet = browser.visible(By.id("sheet-pdf")).getAttribute("href");
        var answer = (String) browser.script("return fetch(arguments[0]).then(r => r.status + ' ' "
                + "+ r.headers.get('content-type') + ' ' + r.headers.get('content-disposition'));", sheet);
        assertThat(answer).startsWith("200 application/pdf").contains("steckbrief-nachtbus-begleitung.pdf");
    }
}
