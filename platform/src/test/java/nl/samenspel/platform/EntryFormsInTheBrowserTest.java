package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator in a real headless Chromium logs an entry of every group of the catalogue through the forms: picks
 * partners, a person from the directory and an earlier entry by name, sees a refusal beside the field it names with
 * everything typed kept, puts it right, and is told what was logged with a link to it in the history. Each entry is
 * checked against the API's history. axe-core runs on every form; screenshots in both languages, wide and narrow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryFormsInTheBrowserTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");

    private Api.Login coordinatorApi;
    private String network;
    private final Map<String, String> partners = new java.util.LinkedHashMap<>();
    private String person;
    private final LocalDate today = LocalDate.now(PAGES);
    private final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    void aNetworkWithPartnersAndAPerson() {
        coordinatorApi = demo.bearer("coordinator");
        network = foundNetwork("Netwerk Logboek", today.minusDays(90), "coordinator");
        // Two partners and a person in the directory to choose from; the forms add the rest.
        partners.putAll(joinPartners(network, coordinatorApi, today.minusDays(80), "Gemeente Zuid", "Woonstichting Oost"));
        Api.Response registered = Api.post(demo.platform.commandPort(), "/api/networks/" + network + "/people", """
                {"name":"Anna de Vries","email":"anna@example.org"}""", coordinatorApi);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        person = registered.json().get("personRef").asText();
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=nav-home]");
    }

    @Test
    @Order(1)
    void theDashboardLeadsACoordinatorToTheCatalogueGroupedAsTheDomainGroupsIt() {
        browser.open("/networks/" + network + "?lang=en");
        browser.await("[data-test=log-link]").click();
        browser.await("[data-test=group-network]");
        List<String> groups = browser.all("[data-test^=group-]").stream().map(e -> e.getDomAttribute("data-test")).toList();
        assertThat(groups).containsExactly("group-network", "group-partners", "group-people", "group-ambition",
                                           "group-agreements", "group-exchange", "group-evaluations", "group-tension",
                                           "group-meetings", "group-structure", "group-corrections");
        assertThat(browser.all("[data-test^=kind-]")).hasSize(38);
        axe("catalogue");
        browser.screenshot("log-catalogue-en-1400");
        browser.resize(390);
        browser.screenshot("log-catalogue-en-390");
        browser.resize(1400);
        browser.open("/networks/" + network + "/log?lang=nl");
        browser.await("[data-test=group-network]");
        assertThat(browser.find("[data-test=group-exchange] h2").getText()).isEqualTo("Geven en nemen");
        browser.screenshot("log-catalogue-nl-1400");
        browser.resize(390);
        browser.screenshot("log-catalogue-nl-390");
        browser.resize(1400);
        browser.open("/networks/" + network + "/log?lang=en");
    }

    @Test
    @Order(2)
    void network_aPhaseChangeLoggedLateWithADateInThePast() {
        form("phase-changed");
        date("occurredOn", today.minusDays(10));
        new Select(browser.find("select[name=phase]")).selectByValue("exploration");
        browser.find("textarea[name=rationale]").sendKeys("The partners are exploring a shared ambition");
        submit("phase-changed");
        JsonNode logged = latest("phase-changed");
        assertThat(logged.path("occurredOn").asText()).isEqualTo(today.minusDays(10).toString());
        assertThat(logged.path("payload").path("phase").asText()).isEqualTo("exploration");
    }

    @Test
    @Order(3)
    void partners_aPartnerJoins() {
        form("partner-joined");
        browser.find("input[name=name]").sendKeys("Huisartsen West");
        browser.find("input[name=partnerType]").sendKeys("GP cooperative");
        browser.find("input[name=participationLevel][value=participant]").click();
        browser.find("input[name=motives][value=moral]").click();
        browser.find("input[name=motives][value=instrumental]").click();
        submit("partner-joined");
        JsonNode payload = latest("partner-joined").path("payload");
        assertThat(payload.path("name").asText()).isEqualTo("Huisartsen West");
        assertThat(payload.path("participationLevel").asText()).isEqualTo("participant");
        assertThat(payload.path("motives").toString()).contains("moral", "instrumental");
        partners.put("Huisartsen West", payload.path("partnerId").asText());
        assertThat(browser.find("[data-test=logged]").getText()).contains("Huisartsen West", "Participant");

        // A date months ahead, refused in Dutch on a phone: the refusal names both dates, and a line break split the
        // first after its year ("(2027-" over "03-01 is na vandaag"). Refused with the name left out, both are said at
        // once: the date was refused only once the name was put right.
        browser.open("/networks/" + network + "/log/partner-joined?lang=nl");
        browser.await("[data-test=entry-form-partner-joined]");
        browser.find("input[name=partnerType]").sendKeys("woningcorporatie");
        browser.find("input[name=participationLevel][value=participant]").click();
        date("occurredOn", today.plusMonths(3).withDayOfMonth(1));
        browser.resize(390);
        try {
            browser.find("[data-test=entry-submit]").click();
            assertThat(browser.await("[data-test=error-name]").getText()).isNotBlank();
            assertThat(browser.all("[data-test=error-occurredOn]")).as("the date in the future said with the name")
                    .singleElement().extracting(WebElement::getText).asString()
                    .contains("toekomst", today.plusMonths(3).withDayOfMonth(1).toString(), today.toString());
            browser.screenshot("log-partner-joined-future-nl-390");
        } finally {
            browser.resize(1400);
            browser.open("/networks/" + network + "/log?lang=en");   // the language chosen stays with the session
        }
    }

    @Test
    @Order(4)
    void people_aRepresentativeFromTheDirectoryIsAppointed() {
        form("representative-appointed");
        new Select(browser.find("select[name=partnerId]")).selectByVisibleText("Gemeente Zuid");
        Select people = new Select(browser.find("select[name=personRef]"));
        // The directory's names are shown; the reference stays out of sight.
        assertThat(people.getOptions().stream().map(WebElement::getText)).contains("Anna de Vries")
                                                                           .noneMatch(t -> t.contains(person));
        // someone not yet in the register is added there: the form links to it
        assertThat(browser.find("[data-test=people-link]").getDomAttribute("href"))
                .endsWith("/networks/" + network + "/people");
        people.selectByVisibleText("Anna de Vries");
        browser.find("input[name=level][value=board]").click();
        browser.find("input[name=role]").sendKeys("Alderman for care");
        submit("representative-appointed");
        JsonNode payload = latest("representative-appointed").path("payload");
        assertThat(payload.path("personRef").asText()).isEqualTo(person);
        assertThat(payload.path("partnerId").asText()).isEqualTo(partners.get("Gemeente Zuid"));
        assertThat(browser.find("[data-test=logged]").getText()).contains("Anna de Vries", "Gemeente Zuid");
    }

    /**
     * Someone the log names but the people directory does not (an imported history, the demo networks' people) can
     * still be picked, to log their departure: the list offered only the directory, and said there was nothing to
     * choose from.
     */
    @Test
    @Order(2)
    void people_aRepresentativeWithoutANameInTheDirectoryDeparts() {
        Api.Response appointed = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/representative-appointed", """
                {"partnerId":"%s","personRef":"import-7","level":"management","occurredOn":"%s"}"""
                .formatted(partners.get("Woonstichting Oost"), today.minusDays(70)), coordinatorApi);
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        TestPlatform.awaitProjections(demo.platform);
        form("representative-departed");
        new Select(browser.find("select[name=partnerId]")).selectByVisibleText("Woonstichting Oost");
        Select people = new Select(browser.find("select[name=personRef]"));
        String unnamed = "Without a name in the people directory (import-7): Woonstichting Oost, management";
        assertThat(people.getOptions().stream().map(WebElement::getText)).contains(unnamed);
        // with the partner chosen, only who represents it now is offered: every person of the network stood there
        List<String> offered = enabled(people);
        assertThat(offered).contains(unnamed).allMatch(label -> label.contains("Woonstichting Oost"));
        assertThat(people.getOptions()).as("others still in the page, set aside").hasSizeGreaterThan(offered.size() + 1);
        people.selectByVisibleText(unnamed);
        // and the one post they hold there fills in the level
        assertThat(browser.find("input[name=level][value=management]").isSelected()).isTrue();
        browser.find("input[name=level][value=management]").click();
        browser.find("input[name=handover][value=partial]").click();
        new Select(browser.find("select[name=reason]")).selectByValue("new-role");
        submit("representative-departed");
        JsonNode payload = latest("representative-departed").path("payload");
        assertThat(payload.path("personRef").asText()).isEqualTo("import-7");
        assertThat(browser.find("[data-test=logged]").getText()).contains("import-7");
    }

    @Test
    @Order(5)
    void ambition_aDateInTheFutureIsRefusedBesideTheDateAndLoggedOncePutRight() {
        form("ambition-stated");
        browser.find("input[name=version]").sendKeys("1");
        browser.find("textarea[name=statement]").sendKeys("Older residents live safely at home for longer");
        date("occurredOn", today.plusDays(3));
        browser.find("[data-test=entry-submit]").click();
        WebElement error = browser.await("[data-test=error-occurredOn]");
        assertThat(error.getText()).contains("future");
        assertThat(browser.find("textarea[name=statement]").getDomProperty("value"))
                .isEqualTo("Older residents live safely at home for longer");
        assertThat(browser.find("input[name=version]").getDomProperty("value")).isEqualTo("1");
        axe("ambition-stated error");

        date("occurredOn", today);
        submit("ambition-stated");
        assertThat(latest("ambition-stated").path("payload").path("statement").asText())
                .isEqualTo("Older residents live safely at home for longer");
    }

    /**
     * Three mistakes on one agreement are said at once: the missing title, a due date before the agreement's date and
     * a rule without its theme took three rounds, one refusal each.
     */
    @Test
    @Order(7)
    void agreements_everyMistakeIsSaidInOneRound() {
        form("agreement-made");
        new Select(browser.find("select[name=kind]")).selectByValue("rule");
        check("partyIds", "Gemeente Zuid");
        date("dueOn", today.minusDays(3));
        long before = events(network, "agreement-made", coordinatorApi).size();
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=error-summary]");
        assertThat(browser.find("[data-test=field-title]").getText()).contains("Fill this in");
        assertThat(browser.find("[data-test=field-dueOn]").getText())
                .contains("Is before the date it happened (" + today + ")");
        assertThat(browser.find("[data-test=field-ruleTheme]").getText()).contains("Required for a rule agreement.");
        assertThat(browser.all("[data-test=error-summary] li")).hasSize(3);
        assertThat(events(network, "agreement-made", coordinatorApi)).as("nothing logged").hasSize((int) before);
        axe("agreement-made three errors");
        // a date after today and a due date before it: both at once, the second was said only a round later
        date("occurredOn", today.plusDays(10));
        date("dueOn", today.plusDays(5));
        WebElement summary = browser.find("[data-test=error-summary]");
        browser.find("[data-test=entry-submit]").click();
        browser.awaitGone(summary);
        assertThat(browser.await("[data-test=field-occurredOn]").getText()).contains("is after today");
        assertThat(browser.find("[data-test=field-dueOn]").getText())
                .contains("Is before the date it happened (" + today.plusDays(10) + ")");
    }

    @Test
    @Order(6)
    void agreements_anAgreementBetweenPartnersPickedByName() {
        form("agreement-made");
        browser.screenshot("log-agreement-made-en-1400");
        browser.find("input[name=title]").sendKeys("Everyone attends the monthly table");
        new Select(browser.find("select[name=kind]")).selectByValue("rule");
        new Select(browser.find("select[name=ruleTheme]")).selectByValue("participation");
        check("partyIds", "Gemeente Zuid");
        check("partyIds", "Woonstichting Oost");
        submit("agreement-made");
        JsonNode payload = latest("agreement-made").path("payload");
        assertThat(payload.path("partyIds").toString()).contains(partners.get("Gemeente Zuid"),
                                                                 partners.get("Woonstichting Oost"));
        assertThat(payload.path("ruleTheme").asText()).isEqualTo("participation");

        // its outcome offers only its parties as the partner responsible: every partner stood there, and another was
        // refused only once sent
        Api.Response alone = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/agreement-made", """
                {"title":"Gemeente Zuid hosts the table","kind":"promise","partyIds":["%s"],"occurredOn":"%s",
                 "dueOn":"%s"}""".formatted(partners.get("Gemeente Zuid"), today, today.plusDays(30)), coordinatorApi);
        assertThat(alone.status()).as(alone.body()).isEqualTo(201);
        TestPlatform.awaitProjections(demo.platform);
        form("agreement-outcome-recorded");
        Select agreements = new Select(browser.find("select[name=agreementId]"));
        Select responsible = new Select(browser.find("select[name=responsiblePartnerId]"));
        agreements.selectByValue(payload.path("agreementId").asText());
        assertThat(enabled(responsible)).containsExactlyInAnyOrder("Gemeente Zuid", "Woonstichting Oost");
        agreements.selectByValue(alone.json().get("subjectId").asText());
        assertThat(enabled(responsible)).containsExactly("Gemeente Zuid");
        // the agreement named with when it was made and when it is due
        assertThat(agreements.getFirstSelectedOption().getText())
                .isEqualTo("Gemeente Zuid hosts the table (" + today + " \u2192 " + today.plusDays(30) + ")");
        browser.open("/networks/" + network + "/log?lang=en");
    }

    @Test
    @Order(7)
    void giveAndTake_aPledgedContribution() {
        form("contribution-recorded");
        new Select(browser.find("select[name=fromPartnerId]")).selectByVisibleText("Woonstichting Oost");
        new Select(browser.find("select[name=kind]")).selectByValue("money");
        browser.find("input[name=quantity]").sendKeys("5000");
        new Select(browser.find("select[name=unit]")).selectByValue("EUR");
        browser.find("input[name=capital][value=economic]").click();
        browser.find("input[name=status][value=pledged]").click();
        submit("contribution-recorded");
        JsonNode payload = latest("contribution-recorded").path("payload");
        assertThat(payload.path("quantity").decimalValue()).isEqualByComparingTo("5000");
        assertThat(payload.has("toPartnerId")).as("left on the network as a whole").isFalse();

        // The pledge delivered: picked by its words, and what was logged names it so, not by its id.
        form("contribution-status-changed");
        Select contributions = new Select(browser.find("select[name=contributionId]"));
        contributions.selectByValue(payload.path("contributionId").asText());
        String picked = contributions.getFirstSelectedOption().getText();
        // a sum in euros as money: "5000 Euros", and "187500.5" read as another sum in Dutch
        assertThat(picked).startsWith("Woonstichting Oost: \u20ac5,000, ");
        browser.find("input[name=status][value=delivered]").click();
        submit("contribution-status-changed");
        assertThat(browser.find("[data-test=logged]").getText()).contains(picked)
                                                                .doesNotContain(payload.path("contributionId").asText());
    }

    /**
     * A number typed with a decimal comma, as a Dutch coordinator types it, is read as meant, also in a browser set to
     * English: "12,5" hours were logged as 125, and "1.250,50" euros as 1.25, without a word, as the browser read the
     * comma as a thousands separator before the page saw it. A number that reads two ways ("1.250" hours) is asked
     * about beside it; one with points between thousands and a decimal comma reads one way, and a sum in euros may keep
     * its sign ("\u20ac 1.250,50"): it was refused as no number. In euros "1.250" and "1 250" are a thousand and a
     * quarter (money has no thousandths), and a sum is shown as money, with its cents: "1.250,5" was shown.
     */
    @Test
    @Order(7)
    void giveAndTake_aNumberWithADecimalCommaIsLoggedAsTypedInAnEnglishBrowser() {
        form("contribution-recorded");
        new Select(browser.find("select[name=fromPartnerId]")).selectByVisibleText("Woonstichting Oost");
        new Select(browser.find("select[name=kind]")).selectByValue("capacity");
        browser.find("input[name=quantity]").sendKeys("1.250");
        new Select(browser.find("select[name=unit]")).selectByValue("hours");
        browser.find("input[name=estimatedValueEur]").sendKeys("1.250");
        browser.find("input[name=capital][value=social]").click();
        browser.find("input[name=status][value=delivered]").click();
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=error-quantity]").getText())
                .as("a number of hours that reads two ways is not guessed at").contains("reads as a whole number to some");
        assertThat(browser.all("[data-test=error-estimatedValueEur]")).as("a sum in euros has no thousandths").isEmpty();
        assertThat(browser.find("input[name=estimatedValueEur]").getDomProperty("value")).as("what was typed stays")
                                                                                       .isEqualTo("1.250");
        WebElement quantity = browser.find("input[name=quantity]");
        quantity.clear();
        quantity.sendKeys("12,5");
        WebElement value = browser.find("input[name=estimatedValueEur]");
        value.clear();
        value.sendKeys("\u20ac 1.250,50");
        submit("contribution-recorded");
        JsonNode payload = latest("contribution-recorded").path("payload");
        assertThat(payload.path("quantity").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(payload.path("estimatedValueEur").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(browser.find("[data-test=logged]").getText()).as("as money, with its cents").contains("\u20ac1,250.50")
                                                               .contains("12.5");
        form("contribution-recorded");
        new Select(browser.find("select[name=fromPartnerId]")).selectByVisibleText("Woonstichting Oost");
        new Select(browser.find("select[name=kind]")).selectByValue("money");
        browser.find("input[name=quantity]").sendKeys("EUR 2 500");
        new Select(browser.find("select[name=unit]")).selectByValue("EUR");
        browser.find("input[name=capital][value=economic]").click();
        browser.find("input[name=status][value=delivered]").click();
        submit("contribution-recorded");
        assertThat(latest("contribution-recorded").path("payload").path("quantity").decimalValue())
                .isEqualByComparingTo("2500");
        assertThat(browser.find("[data-test=logged]").getText()).contains("\u20ac2,500").doesNotContain("2,500.00");
    }

    /**
     * A number that is no number and another below its field's least value are said at once: the second was said only
     * after the first was put right, a round later.
     */
    @Test
    @Order(7)
    void giveAndTake_aNumberThatIsNoNumberAndOneBelowItsLeastValueAreSaidAtOnce() {
        form("contribution-recorded");
        int before = browser.all("[data-test=entry-submit]").size();
        new Select(browser.find("select[name=fromPartnerId]")).selectByVisibleText("Woonstichting Oost");
        new Select(browser.find("select[name=kind]")).selectByValue("capacity");
        browser.find("input[name=quantity]").sendKeys("twelve");
        new Select(browser.find("select[name=unit]")).selectByValue("hours");
        // a sum with its sign before the euro sign, as a bank statement writes it: below 0, not "no number"
        browser.find("input[name=estimatedValueEur]").sendKeys("-\u20ac 5,00");
        browser.find("input[name=capital][value=social]").click();
        browser.find("input[name=status][value=delivered]").click();
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=error-quantity]").getText()).contains("Give a number");
        assertThat(browser.find("[data-test=error-estimatedValueEur]").getText()).contains("At least 0");
        assertThat(before).isEqualTo(1);
    }

    /**
     * Switching the page's language keeps what was typed in the form (a text, a choice, a ticked partner, a date), and
     * the form's id is not carried over: the switch loaded the page again, and every value was lost.
     */
    @Test
    @Order(7)
    void agreements_whatWasTypedIsKeptWhenTheLanguageIsSwitched() {
        form("agreement-made");
        browser.find("input[name=title]").sendKeys("Gedeelde balie");
        new Select(browser.find("select[name=kind]")).selectByValue("rule");
        check("partyIds", "Gemeente Zuid");
        date("dueOn", today.plusDays(30));
        String commandId = browser.find("input[name=commandId]").getDomProperty("value");
        WebElement before = browser.find("input[name=title]");
        browser.find("[data-test=lang-nl]").click();
        browser.awaitGone(before);
        browser.await("[data-test=entry-form-agreement-made]");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("nl");
        assertThat(browser.find("input[name=title]").getDomProperty("value")).isEqualTo("Gedeelde balie");
        assertThat(new Select(browser.find("select[name=kind]")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("rule");
        assertThat(browser.find("input[name=partyIds][value='" + partners.get("Gemeente Zuid") + "']").isSelected()).isTrue();
        assertThat(browser.find("input[name=dueOn]").getDomProperty("value")).isEqualTo(today.plusDays(30).toString());
        assertThat(browser.find("input[name=commandId]").getDomProperty("value")).as("a new form's own id")
                                                                                 .isNotEqualTo(commandId);
        // kept once: the page opened again later starts empty
        browser.open("/networks/" + network + "/log/agreement-made?lang=en");
        assertThat(browser.await("input[name=title]").getDomProperty("value")).isEmpty();
    }

    /**
     * A sum of a million euros or more is asked about before it is logged, with the focus on the question, and logged
     * once confirmed: € 99,999,999,999 was logged without a word and outweighed every other partner in give and take.
     */
    @Test
    @Order(7)
    void giveAndTake_aVeryLargeSumIsAskedAboutBeforeItIsLogged() {
        form("contribution-recorded");
        long before = events(network, "contribution-recorded", coordinatorApi).size();
        new Select(browser.find("select[name=fromPartnerId]")).selectByVisibleText("Woonstichting Oost");
        new Select(browser.find("select[name=kind]")).selectByValue("money");
        browser.find("input[name=quantity]").sendKeys("99999999999");
        new Select(browser.find("select[name=unit]")).selectByValue("EUR");
        browser.find("input[name=capital][value=economic]").click();
        browser.find("input[name=status][value=delivered]").click();
        browser.find("[data-test=entry-submit]").click();
        WebElement question = browser.await("[data-test=large-sum]");
        assertThat(question.getText()).contains("\u20ac99,999,999,999 is a very large sum for one entry");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("data-test")).isEqualTo("large-sum");
        assertThat(events(network, "contribution-recorded", coordinatorApi)).as("nothing logged yet").hasSize((int) before);
        assertThat(browser.find("input[name=quantity]").getDomProperty("value")).isEqualTo("99999999999");
        axe("contribution-recorded large sum");
        browser.screenshot("log-large-sum-en-1400");
        browser.find("[data-test=log-anyway]").click();
        browser.await("[data-test=logged]");
        assertThat(latest("contribution-recorded").path("payload").path("quantity").decimalValue())
                .isEqualByComparingTo("99999999999");
    }

    @Test
    @Order(8)
    void evaluations_aJointEvaluationOpens() {
        form("evaluation-opened");
        browser.find("input[name=instrument][value=five-conditions]").click();
        browser.find("input[name=title]").sendKeys("Five conditions, spring");
        browser.find("input[name=joint]").click();
        submit("evaluation-opened");
        JsonNode payload = latest("evaluation-opened").path("payload");
        assertThat(payload.path("joint").asBoolean()).isTrue();
        assertThat(payload.path("instrument").asText()).isEqualTo("five-conditions");
    }

    @Test
    @Order(9)
    void tension_theTemperatureIsPickedByTheNameOfItsLevelAndALevelLeftOutIsRefusedBesideIt() {
        form("temperature-measured");
        // The conflict thermometer's four levels are choices named as the scale names them, not a number to type.
        List<WebElement> levels = browser.all("input[name=level]");
        assertThat(levels).extracting(e -> e.getDomAttribute("type")).containsExactly("radio", "radio", "radio", "radio");
        assertThat(levels).extracting(this::labelOf)
                          .containsExactly("1 \u00b7 Friendly and pleasant", "2 \u00b7 Watchful", "3 \u00b7 Disagreement",
                                           "4 \u00b7 Conflict");
        browser.find("input[name=signals][value=guardedness]").click();
        browser.find("input[name=signals][value=avoided-topics]").click();
        browser.find("textarea[name=note]").sendKeys("Read at the steering group");
        browser.find("[data-test=entry-submit]").click();

        WebElement error = browser.await("[data-test=error-level]");
        assertThat(error.getText()).contains("Pick one.");
        assertThat(browser.find("[data-test=error-summary]").getText()).contains("Temperature");
        // The error is read out with the group, focus went to the summary, and what was ticked is still there.
        WebElement group = browser.find("fieldset[data-test=field-level]");
        assertThat(group.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));
        assertThat(browser.find("input[name=level][value='1']").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.js("return document.activeElement.getAttribute('data-test');")).isEqualTo("error-summary");
        assertThat(browser.find("input[name=signals][value=guardedness]").isSelected()).isTrue();
        assertThat(browser.find("input[name=signals][value=avoided-topics]").isSelected()).isTrue();
        assertThat(browser.find("textarea[name=note]").getDomProperty("value")).isEqualTo("Read at the steering group");
        assertThat(events("temperature-measured")).isEmpty();
        axe("temperature-measured error");
        browser.screenshot("log-temperature-error-en-1400");
        browser.resize(390);
        browser.screenshot("log-temperature-error-en-390");
        browser.resize(1400);

        // Picked with the keyboard: into the group, then down the scale with the arrow keys.
        browser.js("document.querySelector('input[name=level][value=\"1\"]').focus();");
        WebElement first = browser.find("input[name=level][value='1']");
        first.sendKeys(Keys.SPACE);
        first.sendKeys(Keys.ARROW_DOWN);
        browser.find("input[name=level][value='2']").sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.find("input[name=level][value='3']").isSelected()).isTrue();
        submit("temperature-measured");
        assertThat(browser.find("[data-test=logged]").getText()).contains("3 \u00b7 Disagreement");
        JsonNode payload = latest("temperature-measured").path("payload");
        assertThat(payload.path("level").asInt()).isEqualTo(3);
        assertThat(payload.path("signals").toString()).contains("guardedness", "avoided-topics");
        assertThat(events("temperature-measured")).hasSize(1);
    }

    @Test
    @Order(10)
    void meetings_aMeetingWithWhoAttendedAtWhichLevel() {
        form("meeting-held");
        browser.find("input[name=kind][value=formal]").click();
        browser.find("input[name=modality][value=online]").click();
        browser.find("input[name=purpose]").sendKeys("Steering group: budget");
        browser.find("input[name=attendance][value='" + partners.get("Gemeente Zuid") + "|board']").click();
        browser.find("input[name=attendance][value='" + partners.get("Huisartsen West") + "|professional']").click();
        browser.screenshot("log-meeting-held-en-1400");
        submit("meeting-held");
        JsonNode attendance = latest("meeting-held").path("payload").path("attendance");
        assertThat(attendance).hasSize(2);
        assertThat(attendance.toString()).contains(partners.get("Gemeente Zuid"), "board",
                                                   partners.get("Huisartsen West"), "professional");
    }

    @Test
    @Order(11)
    void structure_aChangeInTheContext() {
        form("context-changed");
        new Select(browser.find("select[name=kind]")).selectByValue("funding");
        browser.find("input[name=direction][value=negative]").click();
        browser.find("textarea[name=summary]").sendKeys("The regional care budget was cut by a fifth");
        submit("context-changed");
        assertThat(latest("context-changed").path("payload").path("direction").asText()).isEqualTo("negative");
    }

    @Test
    @Order(12)
    void corrections_anEntryIsRetractedPickedFromTheLatestEntriesByName() {
        String target = latest("context-changed").path("eventId").asText();
        form("entry-retracted");
        Select entries = new Select(browser.find("select[name=targetEventId]"));
        String label = entries.getOptions().stream().map(WebElement::getText).filter(t -> t.contains("Context changed"))
                              .findFirst().orElseThrow();
        // each entry says what it holds in short, not only its kind and date
        assertThat(label).as("the entry to withdraw in short").matches("#\\d+ Context changed, \\d{4}-\\d{2}-\\d{2} \u00b7 .+")
                         .contains("Funding");
        entries.selectByVisibleText(label);
        browser.find("textarea[name=reason]").sendKeys("Logged for the wrong region");
        submit("entry-retracted");
        assertThat(latest("entry-retracted").path("payload").path("targetEventId").asText()).isEqualTo(target);
    }

    @Test
    @Order(13)
    void corrections_aCorrectionStartsFromTheEntryAsLoggedAndChangesOnlyWhatWasWrong() {
        JsonNode measured = latest("temperature-measured");
        browser.open("/networks/" + network + "/log/entry-corrected?lang=nl");
        browser.await("[data-test=entry-form-entry-corrected]");
        axe("entry-corrected nl");
        Select entries = new Select(browser.find("select[name=targetEventId]"));
        entries.selectByValue(measured.path("eventId").asText());
        browser.find("[data-test=entry-refresh]").click();
        browser.await("[data-test='field-replacement.level']");
        assertThat(browser.find("input[name='replacement.level']:checked").getDomAttribute("value")).isEqualTo("3");
        assertThat(labelOf(browser.find("input[name='replacement.level']:checked"))).isEqualTo("3 \u00b7 Onenigheid");
        assertThat(browser.find("input[name='replacement.signals'][value=guardedness]").isSelected()).isTrue();
        axe("entry-corrected replacement nl");
        browser.screenshot("log-entry-corrected-nl-1400");
        browser.resize(390);
        browser.screenshot("log-entry-corrected-nl-390");
        browser.resize(1400);
        for (String field : List.of("note", "source")) {
            String own = labelOf(browser.find("[name=" + field + "]"));
            String replaced = labelOf(browser.find("[name='replacement." + field + "']"));
            assertThat(own).as("the correction's own " + field + " is told apart from the corrected entry's")
                           .contains("correctie").isNotEqualTo(replaced);
        }
        browser.find("label[for='" + browser.find("input[name='replacement.level'][value='2']").getDomAttribute("id") + "']")
               .click();
        browser.find("textarea[name=reason]").sendKeys("De voorzitter mat 2, niet 3");

        // Another entry picked after the form showed this one: logging would put this one's values on it. The form
        // logs nothing and shows the picked entry's values instead.
        int corrections = events("entry-corrected").size();
        JsonNode agreement = latest("agreement-made");
        new Select(browser.find("select[name=targetEventId]")).selectByValue(agreement.path("eventId").asText());
        browser.find("[data-test=entry-submit]").click();
        // said as information, not in the red box of what to put right: nothing was wrong
        assertThat(browser.await("[data-test=notice]").getText()).contains("Het formulier toont nu de waarden van de vastlegging die u koos")
                                                                 .contains("kijk of de reden bij deze vastlegging past");
        assertThat(browser.all("[data-test=error-summary]")).isEmpty();
        assertThat(events("entry-corrected")).as("nothing logged for the other entry").hasSize(corrections);
        assertThat(browser.find("input[name='replacement.title']").getDomProperty("value"))
                .isEqualTo(agreement.path("payload").path("title").asText());
        assertThat(browser.all("input[name='replacement.level']")).isEmpty();
        axe("entry-corrected after another entry was picked nl");
        browser.screenshot("log-entry-corrected-moved-nl-1400");

        new Select(browser.find("select[name=targetEventId]")).selectByValue(measured.path("eventId").asText());
        browser.find("[data-test=entry-refresh]").click();
        browser.await("input[name='replacement.level'][value='2']").click();
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=logged]");
        JsonNode correction = latest("entry-corrected").path("payload");
        assertThat(correction.path("targetEventId").asText()).isEqualTo(measured.path("eventId").asText());
        assertThat(correction.path("replacement").path("level").asInt()).isEqualTo(2);
        assertThat(correction.path("replacement").path("signals").toString()).contains("guardedness");
        assertThat(browser.find("[data-test=logged]").getText()).contains("Vastgelegd: Correctie");
        axe("logged nl");
        browser.screenshot("log-logged-nl-1400");
        // Offered again, the corrected entry reads as it counts now and says by which correction: it stood as first
        // logged, unmarked, beside its correction
        browser.open("/networks/" + network + "/log/entry-corrected?lang=nl");
        String offered = new Select(browser.await("select[name=targetEventId]")).getOptions().stream()
                .filter(o -> measured.path("eventId").asText().equals(o.getDomAttribute("value"))).findFirst()
                .orElseThrow().getText();
        assertThat(offered).endsWith("zoals gecorrigeerd door #" + latest("entry-corrected").path("sequenceNumber").asText());
        browser.open("/networks/" + network + "/log?lang=en");
    }

    @Test
    @Order(14)
    void theConfirmationLinksToTheEntryInTheHistory() {
        form("success-achieved");
        new Select(browser.find("select[name=kind]")).selectByValue("milestone");
        browser.find("input[name=title]").sendKeys("First neighbourhood team started");
        submit("success-achieved");
        long sequence = latest("success-achieved").path("sequenceNumber").asLong();
        browser.find("[data-test=logged-history-link]").click();
        browser.await("#entry-" + sequence);
        assertThat(browser.driver.getCurrentUrl()).contains("fromSequence=" + sequence);
    }

    @Test
    @Order(15)
    void formsInDutchAndOnAPhoneReadWell() {
        browser.open("/networks/" + network + "/log/meeting-held?lang=nl");
        browser.await("[data-test=entry-form-meeting-held]");
        assertThat(browser.find("h1").getText()).as("a new entry of a kind, not a confirmation; in Dutch alone")
                                                .isEqualTo("Nieuwe vastlegging: Bijeenkomst gehouden");
        // The date field shows the browser's format (12/06/2026 in this US-English browser); under it the date in
        // Dutch words, following the field.
        java.time.format.DateTimeFormatter dutch = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                                                                                             java.util.Locale.forLanguageTag("nl"));
        WebElement occurred = browser.find("input[name=occurredOn]");
        WebElement words = occurred.findElement(org.openqa.selenium.By.xpath("following-sibling::*[@data-test='date-words']"));
        assertThat(words.getText()).isEqualTo(today.format(dutch));
        LocalDate spring = LocalDate.of(today.getYear(), 3, 4);
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", occurred,
                   spring.toString());
        assertThat(words.getText()).isEqualTo("4 maart " + today.getYear());
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", occurred,
                   today.toString());
        axe("meeting-held nl");
        browser.screenshot("log-meeting-held-nl-1400");
        browser.resize(390);
        browser.screenshot("log-meeting-held-nl-390");
        browser.resize(1400);
        browser.open("/networks/" + network + "/log/contribution-recorded?lang=nl");
        browser.await("[data-test=entry-form-contribution-recorded]");
        axe("contribution-recorded nl");
        browser.screenshot("log-contribution-recorded-nl-1400");
        browser.resize(390);
        browser.screenshot("log-contribution-recorded-nl-390");
        browser.resize(1400);
        browser.open("/networks/" + network + "/log?lang=en");
        assertThat(accessibility).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    @Order(16)
    void fromTheHistoryOneEntryIsCorrectedAndAnotherRetracted() {
        JsonNode success = latest("success-achieved");
        long successAt = success.path("sequenceNumber").asLong();
        browser.open("/networks/" + network + "/audit/history?lang=en");
        browser.await("#entry-" + successAt + " [data-test=correct]").click();
        WebElement title = browser.await("input[name='replacement.title']");
        assertThat(title.getDomProperty("value")).as("the form starts from the entry").isEqualTo("First neighbourhood team started");
        title.clear();
        title.sendKeys("First two neighbourhood teams started");
        browser.find("textarea[name=reason]").sendKeys("There were two teams");
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=logged]");
        JsonNode correction = latest("entry-corrected").path("payload");
        assertThat(correction.path("targetEventId").asText()).isEqualTo(success.path("eventId").asText());
        assertThat(correction.path("replacement").path("title").asText()).isEqualTo("First two neighbourhood teams started");
        // corrected once more (a reference added to its note): the form starts from the entry as corrected, and says
        // so; it started from the values first logged, and a second correction silently undid the first
        long firstCorrectionAt = latest("entry-corrected").path("sequenceNumber").asLong();
        browser.open("/networks/" + network + "/audit/history?lang=en");
        browser.await("#entry-" + successAt + " [data-test=correct]").click();
        assertThat(browser.await("input[name='replacement.title']").getDomProperty("value"))
                .isEqualTo("First two neighbourhood teams started");
        assertThat(browser.find("[data-test=corrected-before]").getText())
                .contains("This entry was corrected before, by #" + firstCorrectionAt + " (")
                .contains("the form starts from its values as corrected then");
        browser.screenshot("log-entry-corrected-again-en-1400");

        JsonNode phase = latest("phase-changed");
        long phaseAt = phase.path("sequenceNumber").asLong();
        browser.open("/networks/" + network + "/audit/history?lang=en");
        browser.await("#entry-" + phaseAt + " [data-test=retract]").click();
        browser.await("textarea[name=reason]").sendKeys("Logged for the wrong network");
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=logged]");
        assertThat(latest("entry-retracted").path("payload").path("targetEventId").asText())
                .isEqualTo(phase.path("eventId").asText());

        browser.open("/networks/" + network + "/audit/history?lang=en");
        WebElement retracted = browser.await("#entry-" + phaseAt);
        assertThat(retracted.findElement(org.openqa.selenium.By.cssSelector("[data-test=corrected-by]")).getText())
                .contains("Retracted by Retraction");
        assertThat(retracted.findElements(org.openqa.selenium.By.cssSelector("[data-test=correct]")))
                .as("a retracted entry is not corrected again").isEmpty();
        assertThat(browser.find("#entry-" + successAt).findElement(org.openqa.selenium.By.cssSelector(
                "[data-test=corrected-by]")).getText()).contains("Corrected by Correction");
        // the retraction and the correction each say what they did to the entry they point at
        long retractionAt = latest("entry-retracted").path("sequenceNumber").asLong();
        long correctionAt = latest("entry-corrected").path("sequenceNumber").asLong();
        assertThat(browser.find("#entry-" + retractionAt + " [data-test=corrects]").findElement(
                org.openqa.selenium.By.xpath("./ancestor::div[1]/dt")).getText()).isEqualTo("Retracts entry");
        assertThat(browser.find("#entry-" + correctionAt + " [data-test=corrects]").findElement(
                org.openqa.selenium.By.xpath("./ancestor::div[1]/dt")).getText()).isEqualTo("Corrects entry");
        axe("history with corrections");
        browser.screenshot("history-corrections-en-1400");

        // Filtered by a partner, the history holds only the entries that name it.
        new org.openqa.selenium.support.ui.Select(browser.find("[data-test=filter-partner]"))
                .selectByVisibleText("Woonstichting Oost");
        WebElement unfiltered = browser.find("[data-test=history]");
        browser.find("[data-test=filter-submit]").click();
        // the filtered page replaces this one: read its entries only once the old list is gone
        browser.awaitGone(unfiltered);
        browser.await("[data-test=history]");
        List<String> shown = browser.all("li.history-entry").stream().map(e -> e.getDomAttribute("id")).toList();
        Api.Response naming = Api.get(demo.platform.queryPort(), "/api/networks/" + network + "/events?partnerId="
                + partners.get("Woonstichting Oost") + "&limit=50", coordinatorApi);
        List<String> expected = new ArrayList<>();
        naming.json().forEach(e -> expected.add("entry-" + e.get("sequenceNumber").asLong()));
        assertThat(shown).isNotEmpty().isEqualTo(expected);
        assertThat(shown).as("the founding names no partner").doesNotContain("entry-0");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void form(String kind) {
        browser.open("/networks/" + network + "/log/" + kind);
        browser.await("[data-test=entry-form-" + kind + "]");
        assertThat(browser.find("input[name=occurredOn]").getDomProperty("value")).as("the date defaults to today")
                                                                                .isEqualTo(today.toString());
        axe(kind);
        browser.screenshot("log-" + kind + "-form");
    }

    private void submit(String kind) {
        browser.find("[data-test=entry-submit]").click();
        WebElement logged = browser.await("[data-test=logged]");
        assertThat(logged.getText()).as(kind).isNotBlank();
        assertThat(browser.all("[data-test=logged-history-link]")).hasSize(1);
        axe(kind + " logged");
    }

    private void date(String name, LocalDate value) {
        browser.js("arguments[0].value = arguments[1];", browser.find("input[name=" + name + "]"), value.toString());
    }

    private void check(String name, String partner) {
        browser.find("input[name=" + name + "][value='" + partners.get(partner) + "']").click();
    }

    private void axe(String page) {
        JsonNode violations = browser.seriousAccessibilityViolations();
        if (!violations.isEmpty()) {
            accessibility.add(page + ": " + violations);
        }
        assertThat(violations).as(page + ": " + violations).isEmpty();
    }

    /** The options a select offers now: enabled and with a value. */
    private static List<String> enabled(Select select) {
        return select.getOptions().stream().filter(o -> o.isEnabled() && !o.getDomAttribute("value").isEmpty())
                     .map(WebElement::getText).toList();
    }

    private List<JsonNode> events(String type) {
        return events(network, type, coordinatorApi);
    }

    private JsonNode latest(String type) {
        return latest(network, type, coordinatorApi);
    }

    private String labelOf(WebElement field) {
        return browser.find("label[for='" + field.getDomAttribute("id") + "']").getText();
    }
}
