package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** The coordinator sets up a new category with a question, the way a pilot city starts. */
class CategoriesBrowserTest extends BrowserTestBase {

    @Test
    void theCoordinatorCreatesACategoryWithAQuestionAndEnterSaves() {
        var browser = open(Browser.DESKTOP);
        browser.logIn("koordination", "demo");
        browser.navigate("Anliegen", "Kategorien");
        assertThat(browser.visible(By.id("categories")).getText()).contains("Lärm und Ruhestörung", "laerm");
        browser.submitAndWaitForNewPage(By.linkText("Neue Kategorie"));

        browser.type(By.id("name"), "Wildes Campieren");
        browser.type(By.id("code"), "campieren");
        new Select(browser.visible(By.id("topicId"))).selectByVisibleText("Lärm und Ruhestörung in Grünanlagen");
        browser.type(By.id("serviceLevelDays"), "4");
        browser.submitAndWaitForNewPage(By.xpath("//button[.='Frage hinzufügen']"));
        assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Wildes Campieren");
        new Select(browser.visible(By.id("attributes0.type"))).selectByVisibleText("Auswahl (eine Antwort)");
        browser.type(By.id("attributes0.code"), "art");
        browser.type(By.id("attributes0.choices"), "Zelt\nWohnmobil");
        assertThat(browser.visibleFields("#category-form")).isEqualTo(13);
        assertThat(browser.unlabelledFields("#category-form")).as("fields without label").isEmpty();

        var question = browser.visible(By.id("attributes0.description"));
        question.sendKeys("Was steht dort?");
        question.sendKeys(Keys.ENTER);
        browser.await("the list after saving", d -> d.getCurrentUrl().endsWith("/reports/categories"));

        assertThat(browser.visible(By.cssSelector("main .flash.success")).getText()).isEqualTo("Die Kategorie ist gespeichert.");
        assertThat(browser.visible(By.id("category-campieren")).getText())
                .contains("Wildes Campieren", "campieren", "4 Arbeitstage", "Was steht dort?", "angeboten");
    }
}
