package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A citizen reports a problem on the public form with a click into the map and follows it by the status link;
 * the responsible partner closes it; the citizen sees it closed with the public note.
 */
class CitizenReportBrowserTest extends BrowserTestBase {

    private Browser citizen;
    private Browser partner;

    @Test
    void aCitizenReportsWithAMapClickAndSeesThePartnersAnswer() {
        citizen = open(Browser.PHONE);
        citizen.open("/buerger/musterstadt/melden");
        new Select(citizen.visible(By.id("categoryId"))).selectByVisibleText("Vermüllung und Verwahrlosung");
        citizen.type(By.id("description"), "Sperrmüll und Scherben vor dem Jugendhaus, seit einer Woche.");
        var map = citizen.visible(By.cssSelector("#report-map.map-ready"));
        citizen.tapCentre(map);
        citizen.await("the map click to set the point",
                d -> !d.findElement(By.id("latitude")).getAttribute("value").isEmpty());
        citizen.submitAndWaitForNewPage(By.cssSelector("form button[type=submit].primary"));

        assertThat(citizen.visible(By.cssSelector("main .flash.success")).getText())
                .contains("Vielen Dank! Ihr Anliegen ist eingegangen.");
        var heading = citizen.visible(By.tagName("h1")).getText();
        assertThat(heading).matches("Ihr Anliegen Nr\\. \\d{4}-\\d{6}");
        var number = heading.substring(heading.lastIndexOf(' ') + 1);
        var statusLink = citizen.driver().getCurrentUrl().replace("?neu=1", "");
        assertThat(citizen.visible(By.id("status")).getText()).contains("Amt für öffentliche Ordnung");

        partner = open(Browser.DESKTOP);
        partner.logIn("ordnungsamt", "demo");
        partner.navigate("Anliegen", "Arbeitslisten");
        partner.submitAndWaitForNewPage(By.linkText(number));
        new Select(partner.visible(By.id("outcome"))).selectByValue("DONE");
        partner.type(By.id("publicNote"), "Der Sperrmüll wurde heute abgeholt.");
        partner.submitAndWaitForNewPage(By.cssSelector("#close-form button[type=submit]"));
        assertThat(partner.visible(By.cssSelector("main > .flash.success")).getText())
                .isEqualTo("Das Anliegen wurde abgeschlossen.");

        citizen.driver().get(statusLink);
        var status = citizen.visible(By.id("status")).getText();
        assertThat(status).contains("erledigt", "Der Sperrmüll wurde heute abgeholt.");
    }
}
