package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** The coordinator opens SiPa on a phone in the morning: today's work fits the screen, the counts are in sight. */
class StartPageBrowserTest extends BrowserTestBase {

    private Browser browser;

    @Test
    void theCoordinatorsStartPageFitsAPhoneAndShowsTheCounts() throws Exception {
        browser = open(Browser.PHONE);
        browser.logIn("koordination", "demo");
        assertThat(browser.path()).isEqualTo("/");
        var figures = browser.driver().findElements(By.cssSelector("#today li"));
        assertThat(figures).hasSize(8);
        for (var figure : figures) {
            assertThat(figure.isDisplayed()).isTrue();
            assertThat(figure.findElement(By.cssSelector(".figure")).getText()).matches("\\d+");
        }
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .as("no horizontal scrolling on the phone")
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth;"));
        screenshot("start-page-phone");

        // The menu opens, its groups too, and the page still does not scroll sideways.
        browser.click(By.cssSelector("button.nav-toggle"));
        browser.visible(By.xpath("//nav[@id='main-nav']//summary[normalize-space()='Einsätze']")).click();
        assertThat(browser.visible(By.xpath("//nav[@id='main-nav']//a[normalize-space()='Veranstaltungen und Ereignisse']"))
                .isDisplayed()).isTrue();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth;"));
        screenshot("start-page-phone-menu");

        // The queue and the roster fit the phone as well.
        browser.open("/reports?queue=all");
        browser.visible(By.id("reports"));
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;")).as("queue")
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth;"));
        screenshot("queue-phone");
        browser.open("/patrols");
        browser.visible(By.tagName("h1"));
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;")).as("roster")
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth;"));
        screenshot("roster-phone");
        browser.open("/overview");
        browser.visible(By.id("key-figures"));
        screenshot("overview-phone");
    }

    private void screenshot(String name) throws Exception {
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"),
                ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
