package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Browser;
import de.sipa.BrowserTestBase;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/**
 * The Palastgarten's concept of the demo, and the Ordnungsamt adding a measure on a phone: a camera is refused without
 * its legal basis, nothing typed is lost, and with it the measure is on the concept.
 */
class SafetyConceptBrowserTest extends BrowserTestBase {

    @Autowired
    Partnerships partnerships;

    @Autowired
    Places places;

    @Autowired
    SafetyConceptsDemo demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePalastgartenHasTheStorysConceptAndAMeasureIsAddedOnAPhone() throws Exception {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        var garden = CurrentUser.runAs(SipaUser.system(musterstadt), () -> places.places().stream()
                .filter(p -> p.name().equals(SafetyConceptsDemo.GARDEN)).findFirst().map(Place::id)
                .orElseGet(() -> places.create(new PlaceDraft(SafetyConceptsDemo.GARDEN, null, Deficit.BOTH,
                        "Dunkle Wege", null, null, PlaceOrigin.MANUAL, "{\"type\":\"Polygon\",\"coordinates\":[[[9.180,"
                                + "48.780],[9.186,48.780],[9.186,48.784],[9.180,48.784],[9.180,48.780]]]}", null))));
        demo.run(null); // once more: after PlacesDemo, or now that the test drew the place
        demo.run(null); // and again, without doubling anything

        var phone = open(Browser.PHONE);
        phone.logIn("ordnungsamt", "demo");
        phone.open("/orte/" + garden + "/konzept");
        assertThat(phone.visible(By.id("measures")).getText()).contains("LED-Beleuchtung der Wege", "umgesetzt",
                "Gemeinsame Fußstreife von Polizei und Ordnungsdienst", "Hecken auf Sichthöhe zurückschneiden",
                "Streifenplan", "Beschluss");
        assertThat(phone.driver().findElements(By.cssSelector("#measures > li"))).hasSize(3);
        assertThat(phone.visible(By.id("publication-state")).getText()).contains("öffentlich");
        assertThat(phone.visible(By.id("place-status")).getText()).isEqualTo("Maßnahmen laufen");

        new Select(phone.visible(By.id("kind"))).selectByVisibleText("Videoüberwachung");
        phone.type(By.id("title"), "Kamera am Haupteingang");
        new Select(phone.visible(By.id("organisation"))).selectByVisibleText("Polizeirevier Musterstadt-Mitte");
        phone.type(By.id("costEuros"), "12000");
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on the phone").isEqualTo(true);
        phone.submitAndWaitForNewPage(By.id("measure-submit"));
        assertThat(phone.visible(By.cssSelector("#legalBasis ~ .error")).getText())
                .contains("Videoüberwachung braucht eine Rechtsgrundlage");
        assertThat(phone.visible(By.id("title")).getAttribute("value")).isEqualTo("Kamera am Haupteingang");
        phone.type(By.id("legalBasis"), "§ 21 Abs. 3 PolG BW");
        phone.submitAndWaitForNewPage(By.id("measure-submit"));
        assertThat(phone.visible(By.id("measures")).getText()).contains("Kamera am Haupteingang",
                "Rechtsgrundlage: § 21 Abs. 3 PolG BW");

        var citizen = open(Browser.PHONE);
        citizen.open("/buerger/musterstadt/orte/" + garden);
        assertThat(citizen.visible(By.id("public-measures")).getText()).contains("LED-Beleuchtung der Wege",
                "Erledigt");
        assertThat(citizen.driver().findElements(By.cssSelector("#ratings tbody tr")).size()).isGreaterThan(6);
        var timeline = open(Browser.PHONE);
        timeline.logIn("ordnungsamt", "demo");
        timeline.open("/orte/" + garden + "/zeitleiste");
        assertThat(timeline.visible(By.id("timeline-filter")).getText()).contains("Maßnahmen", "Beschlüsse");
        assertThat(jdbc.sql("SELECT count(*) FROM places_measure WHERE place_id = ?").param(garden.value())
                .query(Long.class).single()).isEqualTo(4);
    }
}
