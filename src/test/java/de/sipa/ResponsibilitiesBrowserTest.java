package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The responsibility matrix and a review round in a real browser, on the Musterstadt demo data. */
class ResponsibilitiesBrowserTest extends BrowserTestBase {

    private Browser browser;

    @Test
    void theGridShowsLeadsGapsAndOverlapsPerDistrictAndAsOfAPastDay() {
        browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.navigate("Zuständigkeiten", "Zuständigkeitsmatrix");

        assertThat(row("Drogenkonsum im öffentlichen Raum").getText()).contains("Überschneidung");
        assertThat(row("Aggressives Betteln").getText()).contains("Lücke");
        assertThat(cell("Lärm und Ruhestörung in Grünanlagen", "Polizeipräsidium Musterstadt").getText())
                .isEqualTo("F Nacht");

        new Select(browser.visible(By.id("district"))).selectByVisibleText("Mitte");
        browser.submitAndWaitForNewPage(By.cssSelector("form.search button[type=submit]"));
        assertThat(cell("Lärm und Ruhestörung in Grünanlagen", "Kommunaler Ordnungsdienst").getText())
                .contains("F Mitte");

        browser.open("/matrix?asOf=2024-06-01");
        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText()).contains("01.06.2024");
        assertThat(row("Lärm und Ruhestörung in Grünanlagen").getText()).doesNotContain("Nacht");
    }

    @Test
    void aPartnerAnswersAnEntryOfItsOrganisationInTheOpenReview() {
        browser = open(Browser.DESKTOP);
        browser.logIn("polizei", "demo");
        browser.navigate("Zuständigkeiten", "Aufgabenkritik");
        // The demo names its open review after the year it loads in.
        browser.submitAndWaitForNewPage(By.partialLinkText("öffentlicher Raum und Nacht"));

        var item = browser.visible(By.cssSelector("article.review-item"));
        assertThat(item.getText()).contains("Drogenkonsum im öffentlichen Raum");
        item.findElement(By.cssSelector("input[type=radio][value=NOT_OURS]")).click();
        var reason = item.findElement(By.cssSelector("textarea[name=reason]"));
        reason.clear();
        reason.sendKeys("Konsum im öffentlichen Raum ist Ordnungsrecht.");
        browser.submitAndWaitForNewPage(By.cssSelector("article.review-item button[type=submit]"));

        assertThat(browser.visible(By.cssSelector("main > .flash.success")).getText())
                .isEqualTo("Ihre Antwort wurde gespeichert.");
        assertThat(browser.visible(By.cssSelector("article.review-item")).getText())
                .contains("Ihre Antwort: nicht unsere Aufgabe");
        var progress = browser.visible(By.xpath("//table[@id='progress']//tr[td[1][normalize-space()='Polizeipräsidium Musterstadt']]"));
        assertThat(progress.getText()).endsWith("1 / 1");
        var items = browser.visible(By.id("items")).getText();
        assertThat(items).contains("nicht unsere Aufgabe", "Konsum im öffentlichen Raum ist Ordnungsrecht.");
    }

    private WebElement row(String topic) {
        return browser.visible(By.xpath("//table[@id='matrix-grid']//tr[th[a[normalize-space()='" + topic + "']]]"));
    }

    /** The grid cell of a topic and an organisation, found through the column headers. */
    private WebElement cell(String topic, String organisation) {
        var headers = browser.driver().findElements(By.cssSelector("#matrix-grid thead th"));
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().equals(organisation)) {
                column = i;
            }
        }
        assertThat(column).as("column of " + organisation).isPositive();
        return row(topic).findElements(By.xpath("./*")).get(column);
    }
}
