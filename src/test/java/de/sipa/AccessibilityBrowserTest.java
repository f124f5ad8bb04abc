package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages citizens and the coordination use most, checked by axe-core against WCAG 2.1 A and AA (what BITV 2.0
 * asks of public bodies' websites) in a real browser, after their scripts ran: contrast, names, landmarks, ARIA,
 * which the crawl of {@link AllPagesTests} cannot see in the HTML alone. Citizens' pages also at a phone's width.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCitizenPagesMeetWcagLevelAaOnADesktopAndOnAPhone() {
        var lastYear = story.today().getYear() - 1;
        var pages = List.of("", "/melden", "/karte", "/karte/liste", "/neuigkeiten", "/orte", "/projekte", "/berichte",
                "/berichte/" + lastYear, "/ehrenamt", "/kriminalstatistik", "/impressum", "/datenschutz",
                "/barrierefreiheit").stream().map(p -> "/buerger/musterstadt" + p).collect(Collectors.toList());
        // The status page a citizen reaches by the link in the confirmation mail, and a survey reached by a letter.
        pages.add(jdbc.sql("SELECT '/buerger/anliegen/' || token FROM reports_report WHERE status = 'IN_PROGRESS' LIMIT 1")
                .query(String.class).single());
        pages.add(jdbc.sql("""
                SELECT '/buerger/' || p.slug || '/umfragen/' || w.id FROM surveys_wave w
                JOIN partners_partnership p ON p.id = w.partnership_id WHERE w.mode <> 'EXTERNAL' ORDER BY w.mode DESC LIMIT 1""")
                .query(String.class).single());
        // On a phone more tables are wider than the screen and scroll in their box, which a keyboard must reach.
        assertThat(violations(open(Browser.PHONE), pages)).isEmpty();
        var citizen = open(Browser.DESKTOP);
        assertThat(violations(citizen, pages)).isEmpty();

        // The checker itself runs under the pages' content security policy: an image without alt is found.
        citizen.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/img/favicon.svg\">')");
        assertThat(citizen.accessibilityViolations()).singleElement().asString().startsWith("image-alt (critical)");
    }

    @Test
    void theCoordinationsDailyPagesMeetWcagLevelAa() {
        var coordinator = open(Browser.DESKTOP);
        coordinator.logIn("koordination", "demo");
        var pages = new ArrayList<>(List.of("/", "/reports", "/reports/dashboard", "/meetings", "/action-items",
                "/bodies", "/orte", "/lagebild/hotspots", "/lagebild/kriminalitaet", "/praevention", "/umfragen",
                "/jahresbericht", "/directory", "/matrix", "/patrols", "/events", "/partnership/legal"));
        // One record of each kind, as the lists link them.
        for (var list : List.of("/reports", "/meetings", "/orte", "/praevention", "/umfragen")) {
            coordinator.open(list);
            pages.add(URI.create(coordinator.driver().findElement(By.cssSelector(
                    "main a[href^='" + list + "/'][href*='-']")).getAttribute("href")).getPath());
        }
        assertThat(violations(coordinator, pages)).isEmpty();
    }

    private static Map<String, List<String>> violations(Browser browser, List<String> paths) {
        var found = new LinkedHashMap<String, List<String>>();
        for (var path : paths) {
            browser.open(path);
            var violations = browser.accessibilityViolations();
            if (!violations.isEmpty()) {
                found.put(path, violations);
            }
        }
        found.forEach((path, list) -> System.out.println("axe " + path + ":\n  " + String.join("\n  ", list)));
        return found;
    }
}
