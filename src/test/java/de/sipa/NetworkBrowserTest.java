package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The county's coordinator compares the towns of Landkreis Musterland: the figures per 1,000 inhabitants side by
 * side, the towns on the map, one town month by month, the projects by field with the blank spots; then a small
 * town's coordinator reads a neighbour's shared safety concept, takes a shared project as a template and finds the
 * county's round table with its meetings.
 */
class NetworkBrowserTest extends BrowserTestBase {

    @Test
    void theCountyCoordinatorComparesTheTownsAndATownCopiesSharedPractice() {
        var browser = open(Browser.DESKTOP);
        browser.logIn("kreis", "demo");
        browser.navigate("Netzwerk", "Kreis und Land");
        assertThat(browser.visible(By.id("network-name")).getText()).isEqualTo("Landkreis Musterland");
        var heads = browser.driver().findElements(By.cssSelector("#network-figures thead th"));
        assertThat(heads).extracting(h -> h.getText()).contains("Sicherheitspartnerschaft Musterstadt",
                "Sicherheitspartnerschaft Kleinhausen", "Sicherheitspartnerschaft Waldbach");
        var noise = browser.visible(By.cssSelector("#network-figures tr[data-category='Lärm und Ruhestörung']"));
        assertThat(noise.findElements(By.cssSelector("td strong"))).hasSize(3)
                .allSatisfy(rate -> assertThat(rate.getText()).matches("\\d+,\\d\\d"));
        browser.await("the towns on the map", d -> d.findElements(By.cssSelector("#network-map.points-ready .leaflet-marker-icon")).size() == 3);
        assertThat(browser.driver().findElements(By.cssSelector("#projects-by-field tr.blank-spot"))).isNotEmpty();

        browser.submitAndWaitForNewPage(By.linkText("Sicherheitspartnerschaft Waldbach"));
        assertThat(browser.visible(By.tagName("h1")).getText()).contains("Waldbach");
        assertThat(browser.driver().findElements(By.cssSelector("#town-months thead th"))).hasSize(14);

        var town = open(Browser.DESKTOP);
        town.logIn("kkp-waldbach", "demo");
        town.navigate("Netzwerk", "Gute Praxis");
        // Kleinhausen's safety concept for its underpass: goals and measures, the town's contact, no organisation
        town.submitAndWaitForNewPage(By.linkText("Unterführung am Bahnhof Kleinhausen"));
        assertThat(town.visible(By.id("entry-contact")).getText()).isEqualTo("Ordnungsamt Kleinhausen");
        assertThat(town.driver().findElements(By.cssSelector("#concept-goals li"))).hasSize(2);
        assertThat(town.driver().findElements(By.cssSelector("#concept-measures li"))).hasSize(3);
        town.navigate("Netzwerk", "Gute Praxis");
        town.submitAndWaitForNewPage(By.linkText("Seniorensicherheit Kleinhausen"));
        assertThat(town.visible(By.id("entry-contact")).getText()).isEqualTo("Ordnungsamt Kleinhausen");
        town.submitAndWaitForNewPage(By.id("copy-template"));
        assertThat(town.visible(By.cssSelector("main .flash.success")).getText())
                .isEqualTo("Das Projekt ist als Idee in Ihre Partnerschaft übernommen.");
        assertThat(town.visible(By.tagName("h1")).getText()).isEqualTo("Seniorensicherheit Kleinhausen (Sicherheitspartnerschaft Kleinhausen)");

        // the town's coordinator sits at the county's round table: two meetings held, one to come
        town.navigate("Netzwerk", "Kreis und Land");
        town.submitAndWaitForNewPage(By.linkText("Gremien der Netzwerke"));
        town.submitAndWaitForNewPage(By.linkText("Runder Tisch Kriminalprävention im Landkreis"));
        assertThat(town.driver().findElements(By.cssSelector("#body-meetings tbody tr"))).hasSize(3);
        assertThat(town.driver().findElements(By.cssSelector("#body-meetings tr.upcoming"))).hasSize(1);
        assertThat(town.driver().findElements(By.id("schedule-meeting"))).isEmpty();
    }
}
