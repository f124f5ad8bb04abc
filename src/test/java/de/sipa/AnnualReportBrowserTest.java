package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The coordinator opens this year's prevention report, writes a chapter's text (saved as they type), generates the
 * report, watches the progress bar to the end without the page reloading, and downloads the PDF.
 */
class AnnualReportBrowserTest extends BrowserTestBase {

    @Test
    void theCoordinatorGeneratesTheReportWatchesTheProgressAndDownloadsThePdf() {
        int year = story.today().getYear();
        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.open("/jahresbericht");
        browser.submitAndWaitForNewPage(By.cssSelector("#report-years a[href$='/jahresbericht/" + year + "']"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Präventionsbericht " + year);
        assertThat(browser.driver().findElements(By.cssSelector(".report-chapter"))).hasSizeGreaterThanOrEqualTo(9);

        // With JavaScript the chapter text is edited in the formatting editor over the (then hidden) textarea.
        assertThat(browser.driver().findElement(By.id("text-meetings")).isDisplayed()).isFalse();
        browser.type(By.id("text-meetings-editor"), "Die Lenkungsgruppe tagte viermal.");
        browser.await("the text saved as typed", d -> d.findElement(By.id("saved-meetings")).getText()
                .startsWith("Gespeichert um"));

        browser.submitAndWaitForNewPage(By.id("generate"));
        browser.script("window.samePage = true;");
        var bar = browser.visible(By.id("generation-progress"));
        assertThat(bar.getAttribute("max")).isNotBlank();
        browser.await("the progress bar at its end", d -> "DONE".equals(
                d.findElement(By.id("generation-status")).getAttribute("data-status")));
        assertThat(browser.script("return window.samePage === true;")).as("htmx updated the bar in place")
                .isEqualTo(true);
        var done = browser.visible(By.id("generation-progress"));
        assertThat(done.getAttribute("value")).isEqualTo(done.getAttribute("max"));

        var pdf = browser.visible(By.id("download-pdf")).getAttribute("href");
        var answer = (String) browser.script("return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => r.status"
                + " + ' ' + r.headers.get('content-type') + ' ' + b.byteLength + ' '"
                + " + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))));", pdf);
        assertThat(answer).startsWith("200 application/pdf").endsWith("%PDF-");

        // After a reload the state is still there, read from the job row.
        browser.open("/jahresbericht/" + year);
        assertThat(browser.visible(By.id("generation-status")).getAttribute("data-status")).isEqualTo("DONE");
        assertThat(browser.visible(By.id("text-meetings-editor")).getText())
                .isEqualTo("Die Lenkungsgruppe tagte viermal.");
    }
}
