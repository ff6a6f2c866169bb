package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator in a real headless Chromium keeps the people directory by keyboard: adds a person, corrects their
 * e-mail address, and erases them after a confirmation that says what erasure removes, that it cannot be undone and
 * that the log keeps only the anonymous reference with its hash chain intact. The list shows each change, the API
 * agrees, and the log still verifies. Screenshots in both languages, wide and narrow; axe-core on every page.
 */
class PeopleInTheBrowserTest extends InTheBrowser {
    private String network;

    @BeforeAll
    void aNetworkOfTheCoordinator() {
        network = foundNetwork("Netwerk Personen", LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(30),
                               "coordinator");
        TestPlatform.awaitProjections(demo.platform);
    }

    @Test
    void aCoordinatorAddsCorrectsAndErasesAPersonAndTheListAndTheApiAgree() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network);
        browser.await("[data-test=people-link]").click();
        assertThat(browser.await("[data-test=people-none]").getText()).contains("No people");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the empty list").isEmpty();

        // Add, by keyboard: a name left empty is refused beside its field first.
        browser.find("[data-test=person-add]").sendKeys(Keys.ENTER);
        browser.await("#name").sendKeys(Keys.ENTER);
        assertThat(browser.await("[data-test=error-name]").getText()).contains("Fill in the name");
        assertThat(browser.find("#name").getDomAttribute("aria-invalid")).isEqualTo("true");
        // said at the top too, with focus there, as on the entry forms
        assertThat(browser.find("[data-test=error-summary]").getText()).contains("Not saved yet: please check")
                                                                      .contains("Name: Fill in the name.");
        assertThat(browser.js("return document.activeElement.id;")).isEqualTo("error-summary");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the refused form").isEmpty();
        shotsAsIs("person-add-refused", "en");
        browser.open("/networks/" + network + "/people/new?lang=nl");
        browser.await("#name").sendKeys(Keys.ENTER);
        assertThat(browser.await("[data-test=error-name]").getText()).contains("Vul de naam in");
        shotsAsIs("person-add-refused", "nl");
        browser.open("/networks/" + network + "/people/new?lang=en");
        browser.find("#name").sendKeys("Anna de Vries", Keys.TAB, "anna@lindewaard.example", Keys.TAB, "06 1234 5678",
                                       Keys.ENTER);
        assertThat(browser.await("[data-test=people-done]").getText()).contains("Anna de Vries was added");
        WebElement anna = person("Anna de Vries");
        String ref = anna.getDomAttribute("data-ref");
        assertThat(anna.getText()).contains("anna@lindewaard.example").contains("06 1234 5678").contains(ref);
        JsonNode listed = api(ref);
        assertThat(listed.path("name").asText()).isEqualTo("Anna de Vries");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the list").isEmpty();
        shots("people");

        // Correct the e-mail address.
        person("Anna de Vries").findElement(By.cssSelector("[data-test=person-correct]")).sendKeys(Keys.ENTER);
        WebElement email = browser.await("#email");
        assertThat(email.getDomProperty("value")).isEqualTo("anna@lindewaard.example");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the correction form").isEmpty();
        shots("person-correct");
        email = browser.await("#email");
        email.clear();
        email.sendKeys("a.devries@lindewaard.example", Keys.ENTER);
        assertThat(browser.await("[data-test=people-done]").getText()).contains("corrected");
        assertThat(person("Anna de Vries").getText()).contains("a.devries@lindewaard.example");
        assertThat(api(ref).path("email").asText()).isEqualTo("a.devries@lindewaard.example");

        // Erase: the confirmation says what it means; cancelling keeps her, confirming erases her.
        person("Anna de Vries").findElement(By.cssSelector("[data-test=person-erase]")).sendKeys(Keys.ENTER);
        WebElement confirmation = browser.await("[data-test=erase-confirmation]");
        assertThat(confirmation.getText()).contains("Erase Anna de Vries?").contains("cannot be undone")
                                          .contains("removed").contains(ref).contains("integrity check still passes");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the confirmation").isEmpty();
        shots("person-erase");
        browser.find("[data-test=erase-cancel]").sendKeys(Keys.ENTER);
        assertThat(person("Anna de Vries").getDomAttribute("data-erased")).isEqualTo("false");
        person("Anna de Vries").findElement(By.cssSelector("[data-test=person-erase]")).sendKeys(Keys.ENTER);
        browser.await("[data-test=erase-confirm]").sendKeys(Keys.ENTER);
        assertThat(browser.await("[data-test=people-done]").getText()).contains("erased");

        WebElement erased = browser.find("[data-test=person][data-ref='" + ref + "']");
        assertThat(erased.getDomAttribute("data-erased")).isEqualTo("true");
        assertThat(erased.getText()).contains("Erased on").doesNotContain("Anna").doesNotContain("lindewaard")
                                    .contains(ref);
        assertThat(erased.findElements(By.cssSelector("[data-test=person-correct]"))).isEmpty();
        assertThat(browser.find("main").getText()).doesNotContain("Anna de Vries");
        JsonNode gone = api(ref);
        assertThat(gone.path("erased").asBoolean()).isTrue();
        assertThat(gone.path("name").isNull() || gone.path("name").isMissingNode()).isTrue();
        assertThat(gone.path("email").isNull() || gone.path("email").isMissingNode()).isTrue();
        assertThat(demo.query("/api/networks/" + network + "/integrity", demo.bearer("coordinator"))
                       .path("intact").asBoolean()).as("the log still verifies").isTrue();
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the list after erasure").isEmpty();
        shots("people-erased");
    }

    /**
     * The people page says whom each person represents and what role they hold now, as the person pickers do: a list
     * of names alone told a coordinator of a network of eight partners nothing of who anyone was.
     */
    @Test
    void thePeoplePageSaysWhomEachPersonRepresentsAndTheRolesTheyHold() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        String network = demoNetwork("coordinator", "Zorgnetwerk Noorderkwartier");
        browser.open("/networks/" + network + "/people?lang=nl");
        List<String> holds = browser.all("[data-test=holds]").stream().map(WebElement::getText).toList();
        assertThat(holds).as("the demo's people, in posts").isNotEmpty();
        assertThat(holds).anyMatch(held -> held.matches(".+, (bestuurlijk|management|professioneel).*"));
        assertThat(holds).anyMatch(held -> held.contains("voorzitter"));
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the people page").isEmpty();
        browser.resize(390);
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        browser.resize(1400);
        shots("people-demo");
        browser.open("/networks/" + network + "/people?lang=en");
        assertThat(browser.all("[data-test=holds]").stream().map(WebElement::getText).toList())
                .anyMatch(held -> held.matches(".+, (board|management|professional).*"));
    }

    /**
     * A field that shows as nothing (no-break spaces, as a paste from a document brings) is a field left empty, as on
     * the entry forms: a name of them is asked for beside the name, contact details of them are not sent (the service
     * refused them as blank, and the form came back naming a field the coordinator had left empty).
     */
    @Test
    void contactDetailsOfNoBreakSpacesAreLeftOutAndSuchANameIsAskedFor() {
        String own = foundNetwork("Netwerk Contact", LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(30),
                                  "coordinator");
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + own + "/people/new?lang=en");
        browser.await("#name").sendKeys("\u00A0\u00A0", Keys.TAB, "\u00A0", Keys.TAB, "\u00A0\u00A0", Keys.ENTER);
        assertThat(browser.await("[data-test=error-name]").getText()).contains("Fill in the name");
        assertThat(browser.all("[data-test=error-email]")).isEmpty();
        WebElement name = browser.find("#name");
        name.clear();
        name.sendKeys("Bram Jansen", Keys.ENTER);
        assertThat(browser.await("[data-test=people-done]").getText()).contains("Bram Jansen was added");
        String ref = person("Bram Jansen").getDomAttribute("data-ref");
        JsonNode bram = null;
        for (JsonNode p : demo.query("/api/networks/" + own + "/people", demo.bearer("coordinator"))) {
            bram = p.path("personRef").asText().equals(ref) ? p : bram;
        }
        assertThat(bram).as("listed by the API").isNotNull();
        assertThat(bram.path("email").isNull() || bram.path("email").isMissingNode()).as(bram.toString()).isTrue();
        assertThat(bram.path("phone").isNull() || bram.path("phone").isMissingNode()).as(bram.toString()).isTrue();
    }

    private WebElement person(String name) {
        browser.await("[data-test=people]");
        return browser.all("[data-test=person]").stream()
                      .filter(row -> row.findElement(By.cssSelector("[data-test=person-name]")).getText().equals(name))
                      .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    private JsonNode api(String ref) {
        for (JsonNode p : demo.query("/api/networks/" + network + "/people", demo.bearer("coordinator"))) {
            if (p.path("personRef").asText().equals(ref)) {
                return p;
            }
        }
        throw new AssertionError(ref + " is not in the API's list");
    }

    /** Screenshots of the page as it is now (the answer to a form), wide and narrow. */
    private void shotsAsIs(String name, String lang) {
        for (int width : new int[] {1400, 390}) {
            browser.resize(width);
            browser.screenshot(name + "-" + lang + "-" + width);
        }
        browser.resize(1400);
    }

}
