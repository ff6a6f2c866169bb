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
        // An admin without a role in any network lands on the administration: the home page asked for the health of
        // every network an admin is listed and failed as a whole ("Not your network"), and its way back led to the
        // same page.
        browser.await("[data-test=new-user]");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin");
        assertThat(browser.find("main").getText()).doesNotContain("Not your network");
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
        // Switching language on a page that answers a form leads to the form's own page in that language: the address
        // the form posted to takes only POST, and the switch answered 405, a page without a way back.
        WebElement answered = browser.find("[data-test=error-summary]");
        browser.find("a[hreflang=nl]").click();
        browser.awaitGone(answered);
        browser.await("[data-test=new-user]");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("nl");
        WebElement dutch = browser.find("[data-test=new-user]");
        browser.find("a[hreflang=en]").click();
        browser.awaitGone(dutch);
        browser.await("[data-test=new-user]");
        browser.find("#username").sendKeys("wethouder.noord");
        browser.find("#displayName").sendKeys("Wethouder Noord");

        browser.find("#password").sendKeys(PASSWORD);
        browser.find("[data-test=create-user]").click();
        browser.await("[data-test=admin-done]");
        // No role is picked for the admin: a grant sent without one is refused beside it and grants nothing.
        assertThat(new Select(browser.find("[data-test=grant-role]")).getFirstSelectedOption().getDomAttribute("value"))
                .as("no role is chosen before the admin chooses one").isEmpty();
        new Select(browser.find("[data-test=grant-network]")).selectByVisibleText("Alliantie Vijf");
        browser.find("[data-test=grant-submit]").click();
        assertThat(browser.await("[data-test=error-summary]").getText())
                .startsWith("Nothing was changed. Please check:\nRole: Pick one.");
        // beside the list too, marked for a screen reader, and the summary leads to it
        assertThat(browser.find("[data-test=error-role]").getText()).contains("Pick one.");
        assertThat(browser.find("[data-test=grant-role]").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("[data-test=error-summary] a").getDomAttribute("href")).isEqualTo("#role");
        assertThat(new Select(browser.find("[data-test=grant-role]")).getOptions()).extracting(WebElement::getText)
                .as("named with a capital, as the help under the list names them").contains("Coordinator", "Auditor");
        // a role without a network: the summary names the field in words, not by the service's field code
        new Select(browser.find("[data-test=grant-role]")).selectByValue("steering");
        browser.js("var s = document.querySelector('[data-test=grant-network]'); var o = document.createElement('option');"
                   + " o.value = ''; s.add(o, 0); s.value = '';");
        WebElement before = browser.find("[data-test=error-summary]");
        browser.find("[data-test=grant-submit]").click();
        browser.awaitGone(before);
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("Network: Pick one.")
                                                                        .doesNotContain("networkId");
        assertThat(browser.all("[data-test=roles]")).as("nothing granted").isEmpty();
        assertThat(new Select(browser.find("[data-test=grant-role]")).getFirstSelectedOption().getDomAttribute("value"))
                .as("the role picked comes back with the refusal").isEqualTo("steering");
        // a network without a role: the network picked comes back too
        new Select(browser.find("[data-test=grant-network]")).selectByVisibleText("Alliantie Vijf");
        new Select(browser.find("[data-test=grant-role]")).selectByIndex(0);
        WebElement refusedOnce = browser.find("[data-test=error-summary]");
        browser.find("[data-test=grant-submit]").click();
        browser.awaitGone(refusedOnce);
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("Role: ");
        assertThat(new Select(browser.find("[data-test=grant-network]")).getFirstSelectedOption().getText())
                .isEqualTo("Alliantie Vijf");
        new Select(browser.find("[data-test=grant-role]")).selectByValue("steering");
        browser.find("[data-test=grant-submit]").click();
        assertThat(browser.await("[data-test=roles]").getText()).contains("Alliantie Vijf");
        // what each role may do is said beside the choice of role; the roles were named without a word on them
        assertThat(browser.find("[data-test=role-help]").getText()).contains("Coordinator: logs what happens")
                                                                 .contains("Steering group: reads the dashboard")
                                                                 .contains("Auditor: reads the log");
        // the same role granted again changes nothing, and says so: it said "Role granted."
        new Select(browser.find("[data-test=grant-network]")).selectByVisibleText("Alliantie Vijf");
        new Select(browser.find("[data-test=grant-role]")).selectByValue("steering");
        WebElement granted = browser.find("[data-test=admin-done]");
        browser.find("[data-test=grant-submit]").click();
        browser.awaitGone(granted);
        assertThat(browser.await("[data-test=admin-done]").getText())
                .contains("already holds that role in that network: nothing was changed");
        assertThat(browser.find("[data-test=roles]").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(1);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on a user's page").isEmpty();
        shots("admin-user");
        // A revoke whose role or network was altered in the form is refused before it reaches the service's address.
        browser.js("""
                var form = document.querySelector('form[action$="/grants/revoke"]');
                form.querySelector('[name=role]').value = '../../x';
                form.submit();""");
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("pick it from the list of roles");
        assertThat(browser.find("[data-test=roles]").getText()).contains("Alliantie Vijf");
        // One click revokes a role; its answer offers it back, in case the wrong line was clicked (there was no way
        // back but granting it again by hand).
        WebElement roles = browser.find("[data-test=roles]");
        browser.find("form[action$='/grants/revoke'] button").click();
        browser.awaitGone(roles);
        assertThat(browser.await("[data-test=admin-done]").getText())
                .contains("Role revoked: steering group in Alliantie Vijf.");
        assertThat(browser.all("[data-test=roles]")).as("no role left").isEmpty();
        browser.find("[data-test=undo-revoke] button").click();
        assertThat(browser.await("[data-test=roles]").getText()).contains("steering group · Alliantie Vijf");
        assertThat(browser.find("[data-test=admin-done]").getText()).contains("Role granted.");

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
        // the same answer as for a wrong password, which says whom to ask once the password is right: a disabled
        // user was only told to check it and try again
        assertThat(browser.find("[data-test=login-error]").getText())
                .contains("if they are right, ask whoever runs Samenspel for your organisation whether your account is active");

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

    /** An empty new-user form names every field to fill in at once (it named the password alone). */
    @Test
    void anEmptyNewUserFormNamesEveryFieldToFillIn() {
        browser.login("admin", demo.passwords.get("admin"));
        browser.open("/admin?lang=en");
        browser.await("[data-test=create-user]").click();
        browser.await("[data-test=error-password]");
        assertThat(browser.find("[data-test=error-username]").isDisplayed()).isTrue();
        assertThat(browser.find("[data-test=error-displayName]").isDisplayed()).isTrue();
    }

    /**
     * How a new user logs in is the admin's explicit choice: an empty password field (the browser empties it whenever
     * the form comes back refused) is refused unless the admin ticked that the user logs in through the identity
     * provider, and a password typed beside that tick is refused too. What was typed and ticked comes back with a
     * refusal, and the admin is asked to type the password again.
     */
    @Test
    void aUserWithoutAPasswordIsMadeOnlyWhenTheAdminSaysTheyLogInThroughTheIdentityProvider() {
        browser.login("admin", demo.passwords.get("admin"));
        for (String lang : new String[] {"nl", "en"}) {
            String username = "idp." + lang;
            browser.open("/admin?lang=" + lang);
            browser.await("#username").sendKeys(username + " !");
            browser.find("#displayName").sendKeys("Regiocoördinator " + lang);
            browser.find("#password").sendKeys(PASSWORD);
            browser.find("[data-test=new-admin]").click();
            browser.find("[data-test=create-user]").click();
            browser.await("[data-test=error-username]");
            assertThat(browser.find("[data-test=new-admin]").isSelected()).as("the admin box stays ticked").isTrue();
            assertThat(browser.find("#password").getDomProperty("value")).as("a password is never sent back").isEmpty();
            assertThat(browser.find("[data-test=password-again]").getText())
                    .isEqualTo(lang.equals("nl") ? "Typ het wachtwoord opnieuw: het wordt niet bewaard als het formulier terugkomt."
                                                 : "Type the password again: it is not kept when the form comes back.");
            assertThat(browser.find("#password").getDomAttribute("aria-describedby")).contains("password-again");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the refused form").isEmpty();
            for (int width : new int[] {1400, 390}) {
                browser.resize(width);
                browser.screenshot("admin-users-again-" + lang + "-" + width);
            }
            // on a phone each user is a card that fits: the table cut off the roles and put the state out of sight
            assertThat(browser.js("var t = document.querySelector('[data-test=users]');"
                                  + " return t.getBoundingClientRect().right <= document.documentElement.clientWidth;"))
                    .as("the users' cards within the width of a phone").isEqualTo(true);
            browser.resize(1400);

            // the username put right, the emptied password left empty: refused, not a user without a password
            browser.find("#username").clear();
            browser.find("#username").sendKeys(username);
            browser.find("[data-test=create-user]").click();
            assertThat(browser.await("[data-test=error-password]").getText())
                    .contains(lang.equals("nl") ? "Typ een wachtwoord van minstens 12 tekens, of vink aan"
                                                : "Type a password of at least 12 characters, or tick");
            assertThat(usernames()).as("nothing created").doesNotContain(username);
            assertThat(browser.all("[data-test=error-username]")).as("the username was put right").isEmpty();

            // the identity provider ticked with a password typed: which one was meant is asked, not guessed
            browser.find("[data-test=new-provider]").click();
            browser.find("#password").sendKeys(PASSWORD);
            WebElement refused = browser.find("[data-test=error-password]");
            browser.find("[data-test=create-user]").click();
            browser.awaitGone(refused);
            assertThat(browser.await("[data-test=error-password]").getText())
                    .contains(lang.equals("nl") ? "Laat het wachtwoord leeg" : "Leave the password empty");
            assertThat(browser.find("[data-test=new-provider]").isSelected()).isTrue();
            assertThat(browser.all("[data-test=password-again]")).as("no password to type again").isEmpty();
            assertThat(usernames()).as("nothing created").doesNotContain(username);

            browser.find("[data-test=create-user]").click();
            browser.await("[data-test=admin-done]");
            JsonNode created = user(username);
            assertThat(created.get("admin").asBoolean()).as("still the platform admin the box said").isTrue();
            assertThat(Api.get(demo.platform.commandPort(), "/api/networks", Api.Login.basic(username, "")).status())
                    .as("no password login").isEqualTo(401);
        }
    }

    private List<String> usernames() {
        JsonNode users = Api.get(demo.platform.commandPort(), "/api/admin/users", demo.bearer("admin")).json();
        List<String> names = new java.util.ArrayList<>();
        users.forEach(u -> names.add(u.get("username").asText()));
        return names;
    }

    private JsonNode user(String username) {
        for (JsonNode user : Api.get(demo.platform.commandPort(), "/api/admin/users", demo.bearer("admin")).json()) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    @Test
    void aSteeringMemberCannotOpenTheAdministration() {
        browser.login("steering", demo.passwords.get("steering"));
        browser.await("[data-test=network-link]");
        browser.open("/admin");
        assertThat(browser.await("main").getText()).doesNotContain("wethouder").doesNotContain("coordinator");
        assertThat(browser.all("[data-test=users]")).isEmpty();
        // said as what it is, not as a network that is not theirs
        assertThat(browser.find("[data-test=problem]").getText()).contains("For platform admins")
                                                                 .doesNotContain("Not your network");
    }

}
