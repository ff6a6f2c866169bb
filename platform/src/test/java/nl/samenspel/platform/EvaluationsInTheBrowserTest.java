package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator in a real headless Chromium records the answers to a five-conditions evaluation one respondent at a
 * time: picks the partner by name, the level, the anonymous option and a score per item on the instrument's scale
 * (one response by keyboard only); a missing item is refused beside that item with every other choice kept; then the
 * evaluation is closed after a confirmation. Each step is checked against the API's history; axe-core runs on every
 * page; screenshots in both languages, wide and narrow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationsInTheBrowserTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");

    private Api.Login coordinatorApi;
    private String network;
    private String evaluation;
    private final Map<String, String> partners = new java.util.LinkedHashMap<>();
    private final LocalDate today = LocalDate.now(PAGES);

    @BeforeAll
    void aNetworkWithThreePartnersAndAnOpenEvaluation() {
        coordinatorApi = demo.bearer("coordinator");
        network = foundNetwork("Netwerk Evaluatie", today.minusDays(90), "coordinator");
        partners.putAll(joinPartners(network, coordinatorApi, today.minusDays(80), "Gemeente Zuid", "Woonstichting Oost", "Huisartsen West"));
        Api.Response opened = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/evaluation-opened", """
                {"instrument":"five-conditions","title":"Five conditions, autumn","joint":true,"occurredOn":"%s"}"""
                .formatted(today.minusDays(10)), coordinatorApi);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        evaluation = opened.json().get("subjectId").asText();
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=nav-home]");
    }

    @Test
    @Order(1)
    void theLogLeadsToTheListOfEvaluations() {
        // the dashboard leads there too: the list was found only through the log's catalogue
        browser.open("/networks/" + network + "?lang=en");
        assertThat(browser.await(".network-actions [data-test=evaluations-link]").getDomAttribute("href"))
                .endsWith("/networks/" + network + "/evaluations");
        browser.open("/networks/" + network + "/log?lang=en");
        browser.await("[data-test=evaluations-link]").click();
        browser.await("[data-test=evaluations]");
        String row = "[data-test=evaluation-" + evaluation + "]";
        assertThat(browser.find(row + " [data-test=state]").getText()).isEqualTo("Open");
        assertThat(browser.find(row + " [data-test=responses]").getText()).isEqualTo("0");
        assertThat(browser.find("[data-test=open-evaluation]").getDomAttribute("href"))
                .endsWith("/networks/" + network + "/log/evaluation-opened");
        axe("list");
        shots("evaluations");
    }

    @Test
    @Order(2)
    void aMissingItemIsRefusedBesideItWithTheOtherChoicesKept() {
        openForm();
        assertThat(browser.all("[data-test^=item-] legend")).hasSize(5);
        assertThat(browser.all("input[name=score-0]")).hasSize(5);
        assertThat(browser.find("[data-test=item-0]").getText()).contains("1 = not at all", "5 = fully");
        // "5 = fully" stands under the last button, not at the far edge of the item
        Number apart = (Number) browser.js("""
                var item = document.querySelector('[data-test=item-0]');
                var labels = item.querySelectorAll('.scale label');
                var high = item.querySelector('.ends span:last-child');
                return Math.abs(high.getBoundingClientRect().right - labels[labels.length - 1].getBoundingClientRect().right);
                """);
        assertThat(apart.doubleValue()).as("px between the last button's right edge and its word's").isLessThan(40);
        axe("form");
        shots("evaluation");
        // The day answered, in Dutch words under the field: the browser shows it as 12/06/2026 in US English.
        String english = browser.driver.getCurrentUrl();
        browser.driver.get(english.replace("lang=en", "lang=nl"));
        WebElement answeredOn = browser.await("#occurredOn");
        assertThat(answeredOn.findElement(org.openqa.selenium.By.xpath("following-sibling::*[@data-test='date-words']"))
                             .getText())
                .isEqualTo(today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                                                                                     java.util.Locale.forLanguageTag("nl"))));
        assertThat(browser.find("#occurredOn-help").getText()).contains("vandaag of eerder");
        browser.driver.get(english);
        browser.await("#occurredOn");
        new Select(browser.find("#respondentPartnerId")).selectByVisibleText("Gemeente Zuid");
        browser.find("label[for=level-board]").click();
        browser.find("label[for=anonymous]").click();
        score(0, 4);
        score(1, 3);
        score(2, 5);
        score(4, 2);
        browser.find("#comment").sendKeys("Decisions take long");
        browser.find("[data-test=response-submit]").click();
        browser.await("[data-test=error-score-3]");
        assertThat(browser.js("return document.activeElement.id;")).isEqualTo("error-summary");
        // under the page's title, as on every other form
        assertThat(browser.js("""
                return !!(document.querySelector('main h1').compareDocumentPosition(document.getElementById('error-summary'))
                          & Node.DOCUMENT_POSITION_FOLLOWING);
                """)).isEqualTo(true);
        assertThat(browser.find("[data-test=error-summary] li").getText())
                .as("the summary names the item and what to do, as every form's summary does")
                .isEqualTo("Organisation: Choose a score from 1 to 5.");
        assertThat(browser.find("#score-3").getDomAttribute("aria-describedby")).contains("score-3-error");
        assertThat(browser.all("[data-test^=error-score-]")).hasSize(1);
        assertThat(checked(0)).isEqualTo("4");
        assertThat(checked(2)).isEqualTo("5");
        assertThat(checked(4)).isEqualTo("2");
        assertThat(browser.find("#anonymous").isSelected()).isTrue();
        assertThat(browser.find("#level-board").isSelected()).isTrue();
        assertThat(new Select(browser.find("#respondentPartnerId")).getFirstSelectedOption().getText())
                .isEqualTo("Gemeente Zuid");
        assertThat(browser.find("#comment").getDomProperty("value")).isEqualTo("Decisions take long");
        axe("refused");
        browser.screenshot("evaluation-refused-en-1400");
        browser.resize(390);
        browser.screenshot("evaluation-refused-en-390");
        browser.resize(1400);
        score(3, 3);
        submitted();
        assertThat(events("evaluation-response-recorded")).hasSize(1);
    }

    @Test
    @Order(3)
    void twoMoreAnonymousResponsesOneByKeyboard() {
        // The form is ready for the next respondent: nothing chosen.
        assertThat(new Select(browser.find("#respondentPartnerId")).getFirstSelectedOption().getDomAttribute("value"))
                .isEmpty();
        assertThat(browser.all("input[type=radio]:checked")).isEmpty();
        assertThat(browser.find("#anonymous").isSelected()).isFalse();
        axe("recorded");
        browser.screenshot("evaluation-recorded-en-1400");

        new Select(browser.find("#respondentPartnerId")).selectByVisibleText("Woonstichting Oost");
        browser.find("label[for=level-management]").click();
        browser.find("label[for=anonymous]").click();
        for (int i = 0; i < 5; i++) {
            score(i, 2 + i % 3);
        }
        submitted();

        // By keyboard only: the partner from its list, then each radio group reached by Tab and set with the arrows.
        browser.find("#respondentPartnerId").sendKeys("Huisartsen");
        browser.js("arguments[0].focus();", browser.find("#level-board"));
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.SPACE).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT) // professional
            .sendKeys(Keys.TAB).sendKeys(Keys.SPACE);                                    // anonymous
        for (int i = 0; i < 5; i++) {
            keys.sendKeys(Keys.TAB).sendKeys(Keys.SPACE).sendKeys(Keys.ARROW_RIGHT);       // 2 each
        }
        keys.perform();
        assertThat(browser.find("#level-professional").isSelected()).isTrue();
        assertThat(browser.find("#anonymous").isSelected()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(checked(i)).as("item " + i).isEqualTo("2");
        }
        new Actions(browser.driver).sendKeys(Keys.TAB).sendKeys("By keyboard").perform();
        // On through the date (whose parts each take a Tab) to the button.
        for (int tabs = 0; tabs < 6 && !"response-submit".equals(
                browser.js("return document.activeElement.getAttribute('data-test');")); tabs++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.js("return document.activeElement.getAttribute('data-test');")).isEqualTo("response-submit");
        org.openqa.selenium.WebElement button = browser.find("[data-test=response-submit]");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.awaitGone(button);
        browser.await("[data-test=recorded]");

        List<JsonNode> recorded = events("evaluation-response-recorded");
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(e -> assertThat(e.path("payload").path("anonymous").asBoolean()).isTrue());
        assertThat(recorded.stream().map(e -> e.path("payload").path("scores").toString()))
                .containsExactlyInAnyOrder("[4,3,5,3,2]", "[2,3,4,2,3]", "[2,2,2,2,2]");
        assertThat(recorded.stream().map(e -> e.path("payload").path("respondentPartnerId").asText()))
                .containsExactlyInAnyOrderElementsOf(partners.values());
        assertThat(recorded.get(2).path("payload").path("level").asText()).isEqualTo("professional");

        browser.find("[data-test=evaluations-link]").click();
        assertThat(browser.await("[data-test=evaluation-" + evaluation + "] [data-test=responses]").getText())
                .isEqualTo("3, all anonymous");

        // The log's history shows no anonymous answer's partner, scores or comment: they stood beside "Answered
        // anonymously: yes" for any coordinator or auditor to read. And a search of the log by partner does not find
        // the partner's anonymous answer, which would say who gave it just as well.
        browser.open("/networks/" + network + "/audit/history?type=evaluation-response-recorded");
        String history = browser.await("[data-test=history]").getText();
        assertThat(browser.all("[data-test=history] .history-entry")).hasSize(3);
        assertThat(history).doesNotContain("Gemeente Zuid", "Woonstichting Oost", "Huisartsen West", "Decisions take long",
                                           "By keyboard")
                           .contains("Who gave this anonymous answer, its scores and its comment: no page shows them.");
        assertThat(browser.driver.getPageSource()).as("nor the entry's fields as logged, behind its details")
                                                  .contains("\"anonymous\"").doesNotContain("respondentPartnerId")
                                                  .doesNotContain("\"scores\"");
        browser.open("/networks/" + network + "/audit/history?type=evaluation-response-recorded&partner="
                     + partners.get("Gemeente Zuid"));
        browser.await("[data-test=history-filters]");
        assertThat(browser.all("[data-test=history] .history-entry")).as("found by the partner who answered").isEmpty();
    }

    @Test
    @Order(4)
    void theEvaluationIsClosedAfterAConfirmation() {
        openForm();
        String closeUrl = browser.find("[data-test=close-evaluation]").getDomAttribute("href");
        browser.find("[data-test=close-evaluation]").click();
        browser.await("[data-test=close-form]");
        assertThat(browser.all("[data-test=close-anonymous]")).as("three anonymous answers count").isEmpty();
        axe("close");
        shots("evaluation-close");
        browser.find("[data-test=close-confirm]").click();
        browser.await("[data-test=closed]");
        assertThat(browser.find("[data-test=evaluation-" + evaluation + "] [data-test=state]").getText())
                .startsWith("Closed on");
        assertThat(browser.all("[data-test=evaluation-" + evaluation + "] [data-test=record-link]")).isEmpty();
        List<JsonNode> closed = events("evaluation-closed");
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).path("payload").path("evaluationId").asText()).isEqualTo(evaluation);
        axe("list after closing");
        shots("evaluations-closed");

        // Closed once more from a confirmation left open: refused, said in the page's language, and nothing logged.
        browser.open(closeUrl + "?lang=nl");
        browser.await("[data-test=close-confirm]").click();
        assertThat(browser.await("[data-test=close-refused]").getText())
                .isEqualTo("Niet afgesloten: Deze evaluatie is afgesloten.");
        assertThat(events("evaluation-closed")).hasSize(1);
        browser.open("/networks/" + network + "/evaluations?lang=en");
        browser.await("[data-test=evaluation-" + evaluation + "]");

        // A closed evaluation's page shows its results per item: it said only its number of answers, and its title
        // in the list led nowhere. The three anonymous answers count, being three.
        browser.find("[data-test=evaluation-" + evaluation + "] [data-test=evaluation-page-link]").click();
        browser.await("[data-test=closed-note]");
        List<String> items = browser.all("[data-test=result]").stream().map(WebElement::getText).toList();
        assertThat(items).hasSize(5);
        assertThat(items.get(0)).startsWith("Ambition").contains("2 \u2013 4").endsWith("3");
        assertThat(items.get(2)).startsWith("Relationship").contains("4").contains("2 \u2013 5");
        assertThat(browser.find("[data-test=results]").getText()).contains("over 3 answers");
        assertThat(browser.all("[data-test=results-withheld]")).isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on a closed evaluation's results").isEmpty();
        shots("evaluation-results");
        browser.open("/networks/" + network + "/evaluations?lang=en");
        browser.await("[data-test=evaluation-" + evaluation + "]");

        // a closed evaluation leads to what its answers show: the five conditions as of the month it closed
        String month = closed.get(0).path("occurredOn").asText().substring(0, 7);
        WebElement results = browser.find("[data-test=evaluation-" + evaluation + "] [data-test=results-link]");
        assertThat(results.getDomAttribute("href")).endsWith("/explain?indicator=H1&month=" + month);
        results.click();
        assertThat(browser.await("h1").getText()).contains("Five conditions").contains(month);
        assertThat(browser.find(".explain-value .tile-value").getText()).as("the answers give the indicator a value")
                                                                  .matches("\\d([.,]\\d)? of 5");
        assertThat(browser.find("[data-test=explain-entries]").getText()).contains("Evaluation opened");

        // An improvement action agreed after the evaluation closed names it: the form offered only open evaluations,
        // though actions mostly follow from an evaluation's conclusions.
        browser.open("/networks/" + network + "/log/improvement-action-agreed?lang=en");
        Select evaluations = new Select(browser.await("select[name=evaluationId]"));
        evaluations.selectByValue(evaluation);
        assertThat(evaluations.getFirstSelectedOption().getText()).contains("closed on " + closed.get(0).path("occurredOn").asText());
        browser.find("input[name=title]").sendKeys("Steering group decides on budgets up to EUR 10,000");
        new Select(browser.find("select[name=ownerPartnerId]")).selectByVisibleText("Gemeente Zuid");
        browser.js("arguments[0].value = arguments[1];", browser.find("input[name=dueOn]"),
                   java.time.LocalDate.now(PAGES).plusMonths(2).toString());
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=logged]");
        List<JsonNode> actions = events("improvement-action-agreed");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("payload").path("evaluationId").asText()).isEqualTo(evaluation);

        // An evaluation opened from the log leads on to recording its answers: the confirmation offered only "see it
        // in the history" and "log another", and the evaluation's own page was found only through the catalogue.
        browser.open("/networks/" + network + "/log/evaluation-opened?lang=en");
        browser.await("input[name=instrument][value='learning-climate']").click();
        browser.find("input[name=title]").sendKeys("Mid-term review");
        browser.js("arguments[0].value = arguments[1];", browser.find("input[name=occurredOn]"), today.toString());
        browser.find("[data-test=entry-submit]").click();
        WebElement next = browser.await("[data-test=logged-next]");
        assertThat(next.getText()).isEqualTo("Record responses");
        next.click();
        assertThat(browser.await("h1").getText()).contains("Mid-term review");
        assertThat(browser.driver.getCurrentUrl()).contains("/networks/" + network + "/evaluations/");
        // its scale of ten on a phone: two rows of five, not nine in a row and the 10 alone below them
        browser.resize(390);
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) browser.js("return Array.from(document.querySelectorAll('.scale.wide')[0]"
                                                      + ".querySelectorAll('.point label')).map(l => l.getBoundingClientRect().top);");
        assertThat(tops).hasSize(10);
        assertThat(tops.subList(0, 5)).as("1 to 5 on one row").allSatisfy(top -> assertThat(top.doubleValue())
                                                                                  .isEqualTo(tops.get(0).doubleValue()));
        assertThat(tops.subList(5, 10)).as("6 to 10 on the next").allSatisfy(top -> assertThat(top.doubleValue())
                                                                                     .isEqualTo(tops.get(5).doubleValue()));
        assertThat(tops.get(5).doubleValue()).isGreaterThan(tops.get(0).doubleValue());
        browser.screenshot("evaluation-scale-of-ten-en-390");
        browser.resize(1400);

        // The same partner at the same level answering by name again is asked about before it is logged: the page
        // said "one response per respondent" and logged the second, which counted twice and showed nowhere.
        String evaluationUrl = browser.driver.getCurrentUrl();
        String mid = evaluationUrl.replaceAll(".*/evaluations/([0-9a-f-]{36}).*", "$1");
        answerByName("Gemeente Zuid", 7);
        browser.await("[data-test=recorded]");
        assertThat(browser.find("[data-test=answered]").getText()).contains("Gemeente Zuid \u00b7 Board \u00b7 " + today);
        answerByName("Gemeente Zuid", 8);
        assertThat(browser.await("[data-test=repeat-warning]").getText())
                .contains("Gemeente Zuid (Board) answered this evaluation by name before, on " + today);
        assertThat(browser.js("return document.activeElement.getAttribute('data-test');"))
                .as("the question has the focus, at the top, where errors stand").isEqualTo("repeat-warning");
        assertThat(responsesTo(mid)).as("nothing logged before it is confirmed").hasSize(1);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core with the question shown").isEmpty();
        WebElement anyway = browser.find("[data-test=record-anyway]");
        anyway.click();
        browser.awaitGone(anyway);
        browser.await("[data-test=recorded]");
        assertThat(responsesTo(mid)).as("recorded once asked for").hasSize(2);
    }

    /**
     * Closing an evaluation with one or two anonymous answers says that they will count nowhere, not even for whether
     * their partner took part: the confirmation said that every answer recorded counts, and the one anonymous answer,
     * the lowest, then counted in no figure. An evaluation with three anonymous answers is closed without the warning
     * (the first, closed above).
     */
    @Test
    @Order(5)
    void closingWithTooFewAnonymousAnswersSaysTheyWillCountNowhere() {
        Api.Response opened = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/evaluation-opened", """
                {"instrument":"five-conditions","title":"Five conditions, winter","joint":true,"occurredOn":"%s"}"""
                .formatted(today), coordinatorApi);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String winter = opened.json().get("subjectId").asText();
        for (String[] answer : List.of(new String[] {"Gemeente Zuid", "false"}, new String[] {"Woonstichting Oost", "true"})) {
            Api.Response answered = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                    + "/entries/evaluation-response-recorded", """
                    {"evaluationId":"%s","respondentPartnerId":"%s","level":"board","anonymous":%s,
                     "scores":[3,3,3,3,3],"occurredOn":"%s"}""".formatted(winter, partners.get(answer[0]), answer[1], today),
                    coordinatorApi);
            assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        }
        TestPlatform.awaitProjections(demo.platform);
        browser.open("/networks/" + network + "/evaluations/" + winter + "/close?lang=en");
        assertThat(browser.await("[data-test=close-anonymous]").getText())
                .isEqualTo("One answer was given anonymously. Anonymous answers count only when there are at least 3, so "
                           + "that no one can be singled out: closed now, it counts in no figure, nor for whether the "
                           + "partner took part.");
        axe("close with one anonymous answer");
        shots("evaluation-close-anonymous");
        browser.open("/networks/" + network + "/evaluations?lang=en");
    }

    /** Answers the open form by name for {@code partner} at board level, every item scored {@code score}. */
    private void answerByName(String partner, int score) {
        new Select(browser.await("#respondentPartnerId")).selectByVisibleText(partner);
        browser.find("label[for=level-board]").click();
        for (int i = 0; i < 4; i++) {
            score(i, score);
        }
        browser.find("[data-test=response-submit]").click();
    }

    private List<JsonNode> responsesTo(String evaluationId) {
        return events("evaluation-response-recorded").stream()
                .filter(e -> e.path("payload").path("evaluationId").asText().equals(evaluationId)).toList();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void openForm() {
        browser.open("/networks/" + network + "/evaluations?lang=en");
        browser.await("[data-test=evaluation-" + evaluation + "] [data-test=record-link]").click();
        browser.await("[data-test=response-form]");
    }

    private void score(int item, int value) {
        browser.find("label[for=score-" + item + "-" + value + "]").click();
    }

    private String checked(int item) {
        return browser.all("input[name=score-" + item + "]:checked").stream().map(e -> e.getDomAttribute("value"))
                      .findFirst().orElse(null);
    }

    private void submitted() {
        org.openqa.selenium.WebElement button = browser.find("[data-test=response-submit]");
        button.click();
        browser.awaitGone(button);
        assertThat(browser.await("[data-test=recorded]").getText()).contains("anonymous");
    }

    private void axe(String page) {
        JsonNode violations = browser.seriousAccessibilityViolations();
        assertThat(violations).as(page + ": " + violations).isEmpty();
    }

    private List<JsonNode> events(String type) {
        return events(network, type, coordinatorApi);
    }
}
