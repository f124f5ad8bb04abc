package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A citizen with JavaScript switched off uses Musterstadt's public website: the home page, the navigation to the
 * news and one post (a joint statement), and on to the report form; the skip link is the first stop of the keyboard.
 * On a phone, no public page and no page of the annual report scrolls sideways.
 */
class PublicWebsiteBrowserTest extends BrowserTestBase {

    @Test
    void aCitizenWithoutJavaScriptFollowsTheNavigationToANewsPostAndTheReportForm() {
        var citizen = openWithoutJavaScript(Browser.DESKTOP);
        citizen.open("/buerger/musterstadt");
        assertThat(citizen.visible(By.tagName("h1")).getText()).contains("Musterstadt");
        assertThat(citizen.driver().findElement(By.id("public-bodies")).getText()).contains("Lenkungsgruppe");

        citizen.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(citizen.driver().switchTo().activeElement().getAttribute("class")).contains("skip-link");

        follow(citizen, By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Neuigkeiten']"));
        assertThat(citizen.visible(By.tagName("h1")).getText()).startsWith("Neuigkeiten");
        var list = citizen.visible(By.id("news")).getText();
        assertThat(list).contains("Mehr Licht im Palastgarten")
                .as("the joint statement one partner has yet to approve").doesNotContain("Gemeinsame Erklärung zur Sicherheit am Hauptbahnhof");

        follow(citizen, By.linkText("Mehr Licht im Palastgarten"));
        assertThat(citizen.visible(By.tagName("h1")).getText()).isEqualTo("Mehr Licht im Palastgarten");
        assertThat(citizen.visible(By.id("joint-statement")).getText()).contains("Polizeipräsidium Musterstadt");
        assertThat(citizen.driver().findElements(By.cssSelector(".news-text li"))).hasSize(3);

        follow(citizen, By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Karte der Anliegen']"));
        assertThat(citizen.visible(By.id("public-map")).getAttribute("class"))
                .as("no script ran: Leaflet did not take the map").doesNotContain("leaflet-container");

        follow(citizen, By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Anliegen melden']"));
        assertThat(citizen.visible(By.tagName("h1")).getText()).contains("Anliegen");
        assertThat(citizen.visible(By.cssSelector("form.form button[type=submit].primary")).isEnabled()).isTrue();
    }

    /** No public page and no page of the annual report makes a phone scroll sideways; wide tables scroll in place. */
    @Test
    void theWebsiteAndTheAnnualReportFitAPhone() {
        var phone = open(Browser.PHONE);
        var lastYear = story.today().getYear() - 1;
        var pages = new java.util.ArrayList<>(java.util.List.of("", "/neuigkeiten", "/orte", "/projekte", "/berichte",
                "/berichte/" + lastYear, "/ehrenamt", "/kriminalstatistik", "/impressum", "/datenschutz",
                "/barrierefreiheit", "/karte/liste"));
        pages.replaceAll(p -> "/buerger/musterstadt" + p);
        phone.logIn("koordination", "demo");
        pages.addAll(java.util.List.of("/jahresbericht", "/jahresbericht/" + lastYear, "/offene-daten", "/bodies"));
        for (var path : pages) {
            phone.open(path);
            // Measured until it fits: a page still laying out may be wider for a moment (once seen in a full run, not
            // again alone). A page that stays wider fails, naming what reaches beyond the screen when first measured.
            phone.await(path + " within " + Browser.PHONE.width() + " px (beyond: " + beyond(phone) + ")",
                    d -> ((Number) phone.script("return document.documentElement.scrollWidth")).intValue()
                            <= Browser.PHONE.width());
        }
    }

    private static Object beyond(Browser phone) {
        return phone.script("""
                const w = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w + 1 && !e.closest('[role=region], nav')) {
                    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
                  }
                }
                return out.slice(0, 10).join('; ');""");
    }

    private static void follow(Browser browser, By link) {
        var target = browser.visible(link).getAttribute("href");
        browser.visible(link).click();
        browser.await("the page " + target, d -> target.equals(d.getCurrentUrl()));
    }
}
