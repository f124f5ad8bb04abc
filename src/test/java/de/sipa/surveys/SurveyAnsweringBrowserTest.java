package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Browser;
import de.sipa.BrowserTestBase;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/**
 * A citizen answers an open survey of Musterstadt on a phone: the question about why only appears once they say
 * they feel unsafe, every page fits the screen, and after sending the wave counts one response more.
 */
class SurveyAnsweringBrowserTest extends BrowserTestBase {

    @Autowired
    Partnerships partnerships;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aCitizenAnswersTheOpenSurveyOnAPhoneAndTheCountRises() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        var f = new AnsweringFixture("musterstadt", SipaUser.system(musterstadt), surveys,
                "Sicherheit im Alltag " + UUID.randomUUID().toString().substring(0, 8));
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        long before = responses(wave);

        var phone = open(Browser.PHONE);
        phone.open("/buerger/musterstadt/umfragen/" + wave.id());
        assertThat(phone.visible(By.id("survey-privacy")).getText()).contains("ohne IP-Adresse");
        phone.submitAndWaitForNewPage(By.id("survey-start"));

        assertThat(phone.visible(By.id("survey-progress")).getText()).isEqualTo("Seite 1 von 3");
        var why = By.id("q-" + f.why.id());
        assertThat(phone.driver().findElement(why).isDisplayed()).as("the why question waits for its condition")
                .isFalse();
        phone.click(By.cssSelector("label[for='q-" + f.night.id() + "-3']")); // sehr unsicher
        phone.type(By.id("q-" + f.why.id() + "-0"), "Die Unterführung ist dunkel");
        phone.click(By.cssSelector("label[for='q-" + f.avoided.id() + "-1']")); // den Bahnhof
        assertThat(phone.unlabelledFields("#survey-form")).isEmpty();
        fitsTheScreen(phone);
        phone.submitAndWaitForNewPage(By.id("survey-next"));

        assertThat(phone.visible(By.id("survey-progress")).getText()).isEqualTo("Seite 2 von 3");
        phone.click(By.cssSelector("label[for='q-" + f.district.id() + "-0']"));
        phone.type(By.id("q-" + f.years.id() + "-0"), "150");
        phone.submitAndWaitForNewPage(By.id("survey-next"));
        assertThat(phone.visible(By.id("error-summary")).getText()).contains("von 0 bis 100");
        assertThat(phone.script("return document.activeElement.id")).isEqualTo("error-summary");
        phone.type(By.id("q-" + f.years.id() + "-0"), "15");
        phone.submitAndWaitForNewPage(By.id("survey-next"));

        assertThat(phone.visible(By.id("survey-progress")).getText()).isEqualTo("Seite 3 von 3");
        phone.click(By.cssSelector("label[for='q-" + f.age.id() + "-1']"));
        fitsTheScreen(phone);
        phone.submitAndWaitForNewPage(By.id("survey-next"));

        assertThat(phone.visible(By.id("survey-thanks")).getText()).isEqualTo("Vielen Dank!");
        assertThat(responses(wave)).isEqualTo(before + 1);
        phone.open("/buerger/musterstadt/umfragen/" + wave.id());
        assertThat(phone.visible(By.id("survey-answered")).getText()).contains("schon teilgenommen");
    }

    private static void fitsTheScreen(Browser phone) {
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on the phone").isEqualTo(true);
    }

    private long responses(SurveyWave wave) {
        return jdbc.sql("SELECT count(*) FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single();
    }
}
