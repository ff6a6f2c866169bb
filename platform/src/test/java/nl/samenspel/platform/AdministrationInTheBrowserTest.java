package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real headless Chromium creates a user (a too-short password is refused beside its field, the typed
 * values kept), grants a role in one network; that user then logs in and sees only that network. Disabling the user
 * stops their login at once; the access log lists every step. axe-core on each page; screenshots in both languages.
 */
class AdministrationInTheBrowserTest extends InTheBrowser {
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void anAdminCreatesAUserAndGrantsARoleAndThatUserSeesOnlyThatNetwork() {
        browser.login("admin", demo.passwords.get("admin"));
        browser.await("[data-test=nav-admin]").click();
        browser.await("[data-test=new-user]");
        browser.find("#username").sendKeys("wethouder.noord");
        browser.find("#displayName").sendKeys("Wethouder Noord");
        browser.find("#password").sendKeys("short");
        browser.find("[data-test=create-user]").click();
        WebElement error = browser.await("[data-test=error-password]");
        assertThat(error.getText()).contains("12 characters");
        assertThat(browser.find("[data-test=error-summary]").getText()).as("the summary names the field by its label")
                                                                    .startsWith("The user was not added. Please check:\nPassword: ");
        int usernameTop = browser.find("#username").getRect().getY();
        assertThat(browser.find("#password").getRect().getY()).as("the inputs stay on one line above their help and errors")
                                                             .isEqualTo(usernameTop);
        assertThat(browser.find("#username").getDomProperty("value")).isEqualTo("wethouder.noord");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the users page").isEmpty();
        browser.screenshot("admin-users-error-en-1400");

        browser.find("#password").sendKeys(PASSWORD);
        browser.find("[data-test=create-user]").click();
        browser.await("[data-test=admin-done]");
        // No role is picked for the admin: a grant sent without one is refused beside it and grants nothing.
        assertThat(new Select(browser.find("[data-test=grant-role]")).getFirstSelectedOption().getDomAttribute("value"))
                .as("no role is chosen before the admin chooses one").isEmpty();
        new Select(browser.find("[data-test=grant-network]")).selectByVisibleText("Alliantie Vijf");
        browser.find("[data-test=grant-submit]").click();
        assertThat(browser.await("[data-test=error-summary]").getText())
                .startsWith("Nothing was changed. Please check:\nRole: ");
        // a role without a network: the summary names the field in words, not by the service's field code
        new Select(browser.find("[data-test=grant-role]")).selectByValue("steering");
        browser.js("var s = document.querySelector('[data-test=grant-network]'); var o = document.createElement('option');"
                   + " o.value = ''; s.add(o, 0); s.value = '';");
        WebElement before = browser.find("[data-test=error-summary]");
        browser.find("[data-test=grant-submit]").click();
        browser.awaitGone(before);
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("Network: ").doesNotContain("networkId");
        assertThat(browser.all("[data-test=roles]")).as("nothing granted").isEmpty();
        new Select(browser.find("[data-test=grant-network]")).selectByVisibleText("Alliantie Vijf");
        new Select(browser.find("[data-test=grant-role]")).selectByValue("steering");
        browser.find("[data-test=grant-submit]").click();
        assertThat(browser.await("[data-test=roles]").getText()).contains("Alliantie Vijf");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on a user's page").isEmpty();
        shots("admin-user");

        browser.login("wethouder.noord", PASSWORD);
        browser.await("[data-test=network-link]");
        List<String> names = browser.all("[data-test=network-link]").stream().map(WebElement::getText).toList();
        assertThat(names).containsExactly("Alliantie Vijf");
        assertThat(browser.all("[data-test=nav-admin]")).as("no administration for a steering member").isEmpty();

        browser.login("admin", demo.passwords.get("admin"));
        browser.await("[data-test=nav-admin]").click();
        browser.await("[data-test='user-wethouder.noord'] a").click();
        browser.await("[data-test=toggle-enabled]").click();
        // The page that answers the click says what was done; the state is read from it, not from the page clicked on.
        assertThat(browser.await("[data-test=admin-done]").getText()).contains("disabled");
        assertThat(browser.find("[data-test=user-state]").getText()).contains("Disabled");
        browser.login("wethouder.noord", PASSWORD);
        assertThat(browser.await("[data-test=login-error]").isDisplayed()).isTrue();

        browser.login("admin", demo.passwords.get("admin"));
        browser.open("/admin/access-log");
        String log = browser.await("[data-test=access-log]").getText();
        assertThat(log).contains("user created").contains("role granted").contains("user disabled")
                       .contains("wethouder.noord").contains("Alliantie Vijf");
        JsonNode steps = Api.get(demo.platform.commandPort(), "/api/admin/access-log", demo.bearer("admin")).json();
        String last = steps.get(steps.size() - 1).get("at").asText();
        String amsterdam = java.time.LocalDateTime.ofInstant(java.time.Instant.parse(last), java.time.ZoneId.of("Europe/Amsterdam"))
                                                  .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(log).as("moments on the clock of the audit pages, which is named")
                       .contains(amsterdam).contains("(Central European Time)").doesNotContain("UTC")
                       .doesNotContain("Europe/Amsterdam");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the access log").isEmpty();
        shots("admin-access-log");

        JsonNode users = Api.get(demo.platform.commandPort(), "/api/admin/users", demo.bearer("admin")).json();
        for (JsonNode user : users) {
            if (user.get("username").asText().equals("wethouder.noord")) {
                assertThat(user.get("enabled").asBoolean()).isFalse();
                assertThat(user.get("grants").get(0).get("role").asText()).isEqualTo("steering");
            }
        }
    }

    @Test
    void aSteeringMemberCannotOpenTheAdministration() {
        browser.login("steering", demo.passwords.get("steering"));
        browser.await("[data-test=network-link]");
        browser.open("/admin");
        assertThat(browser.await("main").getText()).doesNotContain("wethouder").doesNotContain("coordinator");
        assertThat(browser.all("[data-test=users]")).isEmpty();
    }

}
