package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator reads the health thresholds in force for a network in a real headless Chromium, tries a value outside
 * the allowed range and sees why beside the field with the typed value kept, fixes it, and sees the setting marked as
 * changed and the change in the list of overrides; the API agrees. A steering member reads the same page without the
 * form. axe-core on the page; screenshots in both languages, wide and narrow.
 */
class PolicyInTheBrowserTest extends InTheBrowser {
    private String network;

    @BeforeAll
    void findTheNetwork() {
        network = demoNetwork("coordinator", "Alliantie Vijf");
    }

    @Test
    void aCoordinatorChangesAThresholdAfterFixingAValueOutsideItsRange() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        // From the log's catalogue, changed thresholds lead to this page, not to a form that wants setting codes.
        browser.open("/networks/" + network + "/log");
        browser.await("[data-test=kind-health-policy-changed]").click();
        browser.await("[data-test='setting-dip.energyRatio']");
        assertThat(browser.driver.getCurrentUrl()).contains("/networks/" + network + "/policy");
        browser.open("/networks/" + network);
        browser.await("[data-test=policy-link]").click();
        WebElement row = browser.await("[data-test='setting-dip.energyRatio']");
        assertThat(row.getDomAttribute("data-overridden")).isEqualTo("false");
        assertThat(row.getText()).contains("70 %");
        // The setting says what the rule counts: the two people who hold most lead roles (domain §5.6), not a partner.
        assertThat(browser.find("[data-test='setting-leadership.concentration']").getText())
                .contains("held by the two people who hold most").doesNotContain("one partner");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the thresholds").isEmpty();

        // What a setting allows shows under the value once it is chosen, before anything is sent.
        assertThat(browser.find("[data-test=value-help]").getText()).startsWith("Pick a setting first");
        new Select(browser.find("[data-test=policy-key]")).selectByValue("dip.energyRatio");
        assertThat(browser.find("[data-test=value-help]").getText()).isEqualTo("Allowed: 1 % to 100 %.");
        // the 56 settings to pick from grouped by topic, as the table groups them
        assertThat(browser.all("[data-test=policy-key] optgroup")).hasSizeGreaterThan(15);
        assertThat(browser.find("[data-test=policy-key] option[value='dip.energyRatio']")
                          .findElement(org.openqa.selenium.By.xpath("..")).getDomAttribute("label")).isEqualTo("Network dip");
        browser.find("[data-test=policy-value]").sendKeys("150");
        browser.find("[data-test=policy-note]").sendKeys("Our energy is measured on fewer meetings");
        browser.find("[data-test=policy-submit]").click();
        WebElement error = browser.await("[data-test=error-value]");
        assertThat(error.getText()).endsWith("150 % is not allowed: choose 1 % to 100 %.");
        assertThat(browser.find("[data-test=value-help]").getText()).as("still said for the setting chosen")
                                                                   .isEqualTo("Allowed: 1 % to 100 %.");
        assertThat(browser.find("[data-test=policy-value]").getDomProperty("value")).isEqualTo("150");
        assertThat(browser.find("[data-test=policy-note]").getDomProperty("value")).contains("fewer meetings");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        // Said as every form of the platform says it: what did not happen, then what to check.
        assertThat(browser.find("[data-test=error-summary]").getText())
                .startsWith("The setting was not changed. Please check:\nNew value: ");
        assertThat(browser.find("[data-test=error-summary]").getDomAttribute("class")).isEqualTo("error-summary");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core with an error shown").isEmpty();
        browser.screenshot("policy-error-en-1400");

        // Only a plain number is one: "60d" and "NaN" were read as 60 and as not-a-number by the number parser
        for (String notANumber : List.of("60d", "NaN", "1e2")) {
            browser.find("[data-test=policy-value]").clear();
            browser.find("[data-test=policy-value]").sendKeys(notANumber);
            WebElement before = browser.find("[data-test=error-value]");
            browser.find("[data-test=policy-submit]").click();
            browser.awaitGone(before);
            assertThat(browser.await("[data-test=error-value]").getText()).as(notANumber).endsWith("Give a number.");
        }
        // "1.000" is a thousand to a Dutch reader and one to an English one: asked, not taken as one
        browser.find("[data-test=policy-value]").clear();
        browser.find("[data-test=policy-value]").sendKeys("1.000");
        WebElement beforeAmbiguous = browser.find("[data-test=error-value]");
        browser.find("[data-test=policy-submit]").click();
        browser.awaitGone(beforeAmbiguous);
        assertThat(browser.await("[data-test=error-value]").getText()).contains("\"1.000\" reads as a whole number");
        assertThat(browser.all("[data-test=policy-change]")).as("nothing logged").isEmpty();
        browser.find("[data-test=policy-value]").clear();
        // a share typed with its sign, as the help writes it ("60 for 60 %"): it was refused as no number
        browser.find("[data-test=policy-value]").sendKeys("60 %");
        browser.find("[data-test=policy-submit]").click();
        browser.await("[data-test=policy-done]");
        assertThat(browser.find("[data-test='setting-dip.energyRatio'] th").getText())
                .as("the setting by its name, without the API's key").doesNotContain("dip.energyRatio")
                .as("under its topic's heading, not starting with it again").startsWith("Energy share of the peak");
        assertThat(browser.find("[data-test='setting-dip.energyRatio']").getDomAttribute("data-overridden"))
                .isEqualTo("true");
        assertThat(browser.find("[data-test='setting-dip.energyRatio']").getText()).contains("60 %");
        assertThat(browser.all("[data-test=policy-change]")).hasSize(1);
        assertThat(browser.find("[data-test=policy-history]").getText()).contains("fewer meetings");

        JsonNode policy = demo.query("/api/networks/" + network + "/health/policy", demo.bearer("steering"));
        for (JsonNode setting : policy.get("settings")) {
            if (setting.get("key").asText().equals("dip.energyRatio")) {
                assertThat(setting.get("value").asDouble()).isEqualTo(0.6);
                assertThat(setting.get("overridden").asBoolean()).isTrue();
            }
        }
        shots("policy");
        browser.open("/networks/" + network + "/policy?lang=nl");
        // the value in force and the default (the row's third cell, after its name)
        assertThat(browser.wrapped("table.policy-table tbody td strong, table.policy-table tbody td:nth-child(3)"))
                .as("values with their units on one line (\"12 maanden\")").isEmpty();
        browser.open("/networks/" + network + "/policy?lang=en");

        // Of some 55 settings, the ones this network changed can be shown alone.
        int changed = 0;
        for (JsonNode setting : policy.get("settings")) {
            changed += setting.get("overridden").asBoolean() ? 1 : 0;
        }
        assertThat(browser.find("[data-test=changed-count]").getText())
                .startsWith(changed + " of the " + policy.get("settings").size() + " settings changed for this network.");
        WebElement all = browser.find("[data-test=policy-table]");
        browser.find("[data-test=changed-only]").click();
        browser.awaitGone(all);
        assertThat(browser.await("[data-test=policy-table]").findElements(
                org.openqa.selenium.By.cssSelector("tbody tr:not(.topic)")))
                .hasSize(changed).allSatisfy(tr -> assertThat(tr.getDomAttribute("data-overridden")).isEqualTo("true"));
        // each under the heading of its topic, and only the topics that hold one
        assertThat(browser.all("[data-test=policy-topic] tr.topic")).extracting(WebElement::getText)
                                                                    .containsExactly("Network dip");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the changed settings").isEmpty();
        browser.find("[data-test=all-settings]").click();
        assertThat(browser.await("[data-test=changed-only]").isDisplayed()).isTrue();

        browser.login("steering", demo.passwords.get("steering"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/policy");
        assertThat(browser.await("[data-test='setting-dip.energyRatio']").getText()).contains("60 %");
        assertThat(browser.all("[data-test=policy-form]")).as("only coordinators change thresholds").isEmpty();
    }

    /**
     * A change without a reason is refused, as is one whose reason shows as nothing (no-break spaces): the page promises
     * each change with its date and its reason, and it logged changes without one. A fraction of a whole number of days
     * is said as typed ("0,6 is geen heel getal"): it was shown rounded, "1 dagen is niet toegestaan", beside a range
     * that allows one day.
     */
    @Test
    void aChangeNeedsAReasonAndAFractionOfDaysIsSaidAsTyped() {
        String own = foundNetwork("Netwerk Drempels", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                                                                          .minusDays(60), "coordinator");
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + own + "/policy?lang=nl");
        new Select(browser.await("[data-test=policy-key]")).selectByValue("people.successorDays");
        browser.find("[data-test=policy-value]").sendKeys("0,6");
        browser.find("[data-test=policy-note]").sendKeys("\u00A0\u00A0");
        browser.find("[data-test=policy-submit]").click();
        assertThat(browser.await("[data-test=error-value]").getText()).contains("0,6 is geen heel getal")
                                                                      .doesNotContain("1 dagen");
        assertThat(browser.find("[data-test=error-note]").getText()).contains("Geef aan waarom");
        assertThat(browser.find("[data-test=policy-note]").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.all("[data-test=policy-change]")).as("nothing logged").isEmpty();
        browser.screenshot("policy-reason-nl-1400");
        browser.find("[data-test=policy-value]").clear();
        browser.find("[data-test=policy-value]").sendKeys("45");
        browser.find("[data-test=policy-note]").clear();
        browser.find("[data-test=policy-note]").sendKeys("Opvolging kost hier langer");
        browser.find("[data-test=policy-submit]").click();
        browser.await("[data-test=policy-done]");
        assertThat(browser.all("[data-test=policy-change]")).hasSize(1);
        JsonNode history = demo.query("/api/networks/" + own + "/events?type=health-policy-changed",
                                      demo.bearer("coordinator"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("payload").path("note").asText()).isEqualTo("Opvolging kost hier langer");
        browser.open("/networks/" + own + "/policy?lang=en");
    }

}
