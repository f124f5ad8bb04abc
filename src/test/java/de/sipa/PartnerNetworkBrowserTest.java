package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The partner network in a real browser, on the Musterstadt demo data: a coordinator builds up the network
 * through the forms and finds the new person in the directory; login errors; the phone navigation; labels.
 *
 * <p>Own embedded PostgreSQL in {@code target/browser-postgres}, emptied on start by the test profile
 * ({@code sipa.database.clean=true}), so the demo profile loads Musterstadt afresh.
 */
class PartnerNetworkBrowserTest extends BrowserTestBase {

    private static final String STEERING_GROUP = "Lenkungsgruppe Sicherheitspartnerschaft";
    private static final String LOGIN_FAILED =
            "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Benutzername und Passwort.";

    private Browser browser;

    @Test
    void coordinatorAddsOrganisationPersonAndMembershipAndFindsThePersonInTheDirectory() {
        var suffix = uniqueLetters();
        var organisation = "Präventionsverein Browsertest " + suffix;
        var firstName = "Mara";
        var lastName = "Quendel-" + suffix;
        browser = open(Browser.DESKTOP);

        browser.logIn("koordination", "demo");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.visible(By.cssSelector(".user-menu .user")).getText()).contains("Sabine Krüger");
        // On a desktop the navigation is shown and the phone menu button is not.
        assertThat(browser.driver().findElement(By.id("main-nav")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector("button.nav-toggle")).isDisplayed()).isFalse();

        // A new organisation through the form; the menu groups its items by task.
        goTo("Organisationen");
        browser.submitAndWaitForNewPage(By.linkText("Neue Organisation"));
        assertThat(heading()).isEqualTo("Neue Organisation");
        browser.type(By.id("name"), organisation);
        new Select(browser.visible(By.id("kind"))).selectByVisibleText("Verein / Zivilgesellschaft");
        browser.type(By.id("street"), "Lindenallee 7");
        browser.type(By.id("postalCode"), "12345");
        browser.type(By.id("city"), "Musterstadt");
        browser.type(By.id("phone"), "01234 5678-0");
        browser.submitAndWaitForNewPage(submitButtonOf("form.form"));
        assertThat(browser.path()).matches("/organisations/[0-9a-f-]{36}");
        assertThat(heading()).isEqualTo(organisation);
        assertThat(flash()).isEqualTo("Die Organisation wurde angelegt.");
        assertThat(browser.visible(By.cssSelector("p.badge")).getText()).isEqualTo("Verein / Zivilgesellschaft");

        // A person in it, through the organisation page's "Neue Person".
        browser.submitAndWaitForNewPage(By.linkText("Neue Person"));
        assertThat(heading()).isEqualTo("Neue Person");
        assertThat(new Select(browser.visible(By.id("organisationId"))).getFirstSelectedOption().getText())
                .as("the organisation is preselected").isEqualTo(organisation);
        browser.type(By.id("salutation"), "Frau");
        browser.type(By.id("firstName"), firstName);
        browser.type(By.id("lastName"), lastName);
        browser.type(By.id("function"), "Präventionsbeauftragte");
        browser.type(By.id("email"), "mara." + suffix + "@verein.example");
        browser.submitAndWaitForNewPage(submitButtonOf("form.form"));
        assertThat(browser.path()).matches("/people/[0-9a-f-]{36}");
        assertThat(heading()).isEqualTo("Frau " + firstName + " " + lastName);
        assertThat(flash()).isEqualTo("Die Person wurde angelegt.");

        // Member of the steering group, through the membership form on the body's page.
        goTo("Gremien");
        browser.submitAndWaitForNewPage(By.linkText(STEERING_GROUP));
        assertThat(heading()).isEqualTo(STEERING_GROUP);
        new Select(browser.visible(By.id("personId")))
                .selectByVisibleText(lastName + ", " + firstName + " (" + organisation + ")");
        new Select(browser.visible(By.id("role"))).selectByVisibleText("ständiges Mitglied");
        assertThat(browser.visible(By.id("startsOn")).getDomProperty("value")).as("starts today by default")
                .matches("\\d{4}-\\d{2}-\\d{2}");
        browser.submitAndWaitForNewPage(submitButtonOf("form[action$='/members']"));
        assertThat(flash()).isEqualTo("Das Mitglied wurde aufgenommen.");
        var member = browser.visible(By.xpath("//table[@id='members']//tr[td/a[normalize-space()='"
                + firstName + " " + lastName + "']]"));
        assertThat(cells(member)).startsWith("ständiges Mitglied", firstName + " " + lastName,
                "Präventionsbeauftragte", organisation);

        // The directory finds the person while typing (htmx swaps the results, no page load) ...
        goTo("Verzeichnis");
        assertThat(heading()).isEqualTo("Verzeichnis");
        var search = lastName.substring(2).toUpperCase(); // a part of the name, in other case
        browser.script("window.sipaSamePage = true;");
        browser.visible(By.id("text")).sendKeys(search);
        browser.await("one directory entry for '" + search + "'",
                textToBe(By.cssSelector("#results .result-count"), "1 Person(en)"));
        assertThat(browser.script("return window.sipaSamePage === true;"))
                .as("results were swapped in by htmx, without loading a new page").isEqualTo(Boolean.TRUE);
        assertThat(browser.query()).as("htmx pushed the search into the address bar")
                .contains("text=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        assertDirectoryEntry(firstName, lastName, organisation);

        // ... and the same search works as a plain form submission (without htmx).
        browser.open("/directory?text=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        assertThat(heading()).isEqualTo("Verzeichnis");
        assertThat(browser.visible(By.id("text")).getDomProperty("value")).isEqualTo(search);
        assertThat(browser.visible(By.cssSelector("#results .result-count")).getText()).isEqualTo("1 Person(en)");
        assertDirectoryEntry(firstName, lastName, organisation);
    }

    @Test
    void wrongPasswordShowsTheGenericMessageAndStaysOnTheLoginPage() {
        browser = open(Browser.DESKTOP);

        browser.open("/login");
        browser.type(By.id("username"), "polizei");
        browser.type(By.id("password"), "falsch-" + uniqueLetters());
        browser.submitAndWaitForNewPage(submitButtonOf("form[action$='/login']"));
        assertStillOnLoginPageWithGenericError();

        // An unknown user name gets the very same message: nothing tells which accounts exist.
        browser.type(By.id("username"), "niemand-" + uniqueLetters());
        browser.type(By.id("password"), "demo");
        browser.submitAndWaitForNewPage(submitButtonOf("form[action$='/login']"));
        assertStillOnLoginPageWithGenericError();

        // Still not logged in.
        browser.open("/directory");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void onAPhoneTheNavigationOpensBehindTheMenuButton() {
        browser = open(Browser.PHONE);
        browser.open("/login");
        browser.visible(By.id("username"));
        assertThat(browser.driver().findElements(By.cssSelector("button.nav-toggle")))
                .as("no menu button without a menu before login").isEmpty();

        browser.logIn("koordination", "demo");
        assertThat((Long) browser.script("return window.innerWidth;")).as("phone-sized viewport")
                .isEqualTo((long) Browser.PHONE.width());

        var toggle = browser.visible(By.cssSelector("button.nav-toggle"));
        var navigation = browser.driver().findElement(By.id("main-nav"));
        assertThat(toggle.getText()).isEqualTo("Menü");
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(navigation.isDisplayed()).as("navigation hidden behind the menu button").isFalse();

        toggle.click();
        browser.await("navigation opened", visibilityOf(navigation));
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");

        toggle.click();
        browser.await("navigation closed again", invisibilityOf(navigation));
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");

        toggle.click();
        goTo("Verzeichnis");
        assertThat(heading()).isEqualTo("Verzeichnis");
        assertThat(browser.driver().findElement(By.id("main-nav")).isDisplayed())
                .as("closed again on the next page").isFalse();
    }

    @Test
    void everyVisibleFieldOfTheLoginAndOrganisationFormsHasALabel() {
        browser = open(Browser.DESKTOP);

        browser.open("/login");
        browser.visible(By.id("username"));
        assertThat(browser.visibleFields("main form")).isEqualTo(2);
        assertThat(browser.unlabelledFields("main form")).as("fields without label on the login form").isEmpty();

        browser.logIn("koordination", "demo");
        browser.open("/organisations/new");
        assertThat(heading()).isEqualTo("Neue Organisation");
        // name, kind, street, postal code, city, phone, e-mail, on-duty phone and note, active
        assertThat(browser.visibleFields("main form")).isEqualTo(10);
        assertThat(browser.unlabelledFields("main form")).as("fields without label on the organisation form")
                .isEmpty();
    }

    private void assertStillOnLoginPageWithGenericError() {
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.query()).isEqualTo("error");
        assertThat(browser.visible(By.cssSelector(".flash.error[role=alert]")).getText()).isEqualTo(LOGIN_FAILED);
        assertThat(browser.visible(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("main-nav"))).as("no navigation without login").isEmpty();
    }

    private void assertDirectoryEntry(String firstName, String lastName, String organisation) {
        var rows = browser.driver().findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(cells(rows.get(0))).as("name, function, organisation, contact, bodies").containsExactly(
                lastName + ", " + firstName, "Präventionsbeauftragte", organisation,
                "mara." + lastName.substring("Quendel-".length()) + "@verein.example", STEERING_GROUP);
    }

    /** Follows a link of the main navigation, opening its group first (the menu groups its items by task). */
    private void goTo(String text) {
        var link = browser.driver().findElement(navigationLink(text));
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("ancestor::details[1]/summary")).click();
        }
        browser.submitAndWaitForNewPage(navigationLink(text));
    }

    private By navigationLink(String text) {
        return By.xpath("//nav[@id='main-nav']//a[normalize-space()='" + text + "']");
    }

    private static By submitButtonOf(String form) {
        return By.cssSelector(form + " button[type=submit]");
    }

    private String heading() {
        return browser.visible(By.cssSelector("main h1")).getText();
    }

    private String flash() {
        return browser.visible(By.cssSelector("main .flash.success")).getText();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::strip).toList();
    }

    private static String uniqueLetters() {
        var random = ThreadLocalRandom.current();
        var letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
