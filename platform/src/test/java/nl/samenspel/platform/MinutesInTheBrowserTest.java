package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator logs the minutes of a meeting in one submit: the meeting with who attended at which level, and the
 * agreements made in it. A refused agreement is shown beside its field with everything typed kept and the meeting
 * marked as logged; put right and submitted again, the meeting is not logged twice. axe-core on every state;
 * screenshots in both languages, wide and narrow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MinutesInTheBrowserTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");

    private Api.Login coordinatorApi;
    private String network;
    private final Map<String, String> partners = new java.util.LinkedHashMap<>();
    private final LocalDate today = LocalDate.now(PAGES);

    @BeforeAll
    void aNetworkWithTwoPartners() {
        coordinatorApi = demo.bearer("coordinator");
        network = foundNetwork("Netwerk Verslagen", today.minusDays(90), "coordinator");
        partners.putAll(joinPartners(network, coordinatorApi, today.minusDays(80), "Gemeente Zuid", "Woonstichting Oost"));
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=nav-home]");
    }

    @Test
    @Order(1)
    void aCoordinatorLogsAMeetingWithItsAttendanceAndAnAgreementInOneSubmit() {
        browser.open("/networks/" + network + "/log?lang=en");
        browser.await("[data-test=group-meetings] [data-test=minutes-link]").click();
        browser.await("[data-test=minutes-form]");
        assertThat(browser.find("input[name='m.occurredOn']").getDomProperty("value")).as("the date defaults to today")
                                                                                    .isEqualTo(today.toString());
        // The note on the date's lists comes before the date and the lists, where a reader changing the date sees it.
        assertThat(browser.js("""
                var note = document.querySelector('[data-test=minutes-date-note]');
                var date = document.querySelector("input[name='m.occurredOn']");
                return (note.compareDocumentPosition(date) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;""")).isEqualTo(true);
        assertThat(browser.find("[data-test=minutes-date-note]").getText()).contains("Update the lists for this date");
        axe("minutes form");
        shots("minutes");

        meeting("Steering group: housing and care");
        browser.find("input[name='m.attendance'][value='" + partners.get("Gemeente Zuid") + "|board']").click();
        browser.find("input[name='m.attendance'][value='" + partners.get("Woonstichting Oost") + "|professional']").click();
        browser.find("input[name='a0.title']").sendKeys("Shared intake desk by summer");
        new Select(browser.find("select[name='a0.kind']")).selectByValue("promise");
        party("a0", "Gemeente Zuid");
        party("a0", "Woonstichting Oost");
        browser.screenshot("minutes-filled-en-1400");
        // Enter in a field logs the minutes (it updated the lists and logged nothing, without a word)
        browser.find("input[name='a0.title']").sendKeys(org.openqa.selenium.Keys.ENTER);

        WebElement logged = browser.await("[data-test=minutes-logged]");
        assertThat(browser.all("[data-test=minutes-done]")).hasSize(2);
        assertThat(browser.find("[data-test=minutes-logged-heading]").getText())
                .isEqualTo("Logged: 2 entries of the meeting on " + today);
        assertThat(logged.getText()).contains("Steering group: housing and care", "Shared intake desk by summer",
                                              "Gemeente Zuid", "Woonstichting Oost");
        // who attended at which level reads as one name and its level, not as a list of four names
        assertThat(logged.getText()).containsPattern("Gemeente Zuid \\((Board|Management|Professional)\\)");
        List<WebElement> links = browser.all("[data-test=minutes-history-link]");
        assertThat(links).hasSize(2);
        assertThat(links.get(0).getDomAttribute("href")).matches(".*/audit/history\\?fromSequence=(\\d+)#entry-\\1");
        axe("minutes logged");
        browser.screenshot("minutes-logged-en-1400");
        browser.resize(390);
        browser.screenshot("minutes-logged-en-390");
        browser.resize(1400);

        JsonNode meeting = latest("meeting-held");
        JsonNode attendance = meeting.path("payload").path("attendance");
        assertThat(attendance).hasSize(2);
        assertThat(attendance.toString()).contains(partners.get("Gemeente Zuid"), "board",
                                                   partners.get("Woonstichting Oost"), "professional");
        JsonNode agreement = latest("agreement-made");
        assertThat(agreement.path("payload").path("partyIds").toString())
                .contains(partners.get("Gemeente Zuid"), partners.get("Woonstichting Oost"));
        assertThat(agreement.path("occurredOn").asText()).isEqualTo(meeting.path("occurredOn").asText())
                                                         .isEqualTo(today.toString());
        assertThat(agreement.path("sequenceNumber").asLong()).isGreaterThan(meeting.path("sequenceNumber").asLong());

        links.get(1).click();
        browser.await("#entry-" + agreement.path("sequenceNumber").asText());
    }

    @Test
    @Order(2)
    void aRefusedAgreementIsShownBesideItsFieldAndOncePutRightTheMeetingIsNotLoggedTwice() {
        // a partner that leaves while the minutes are being typed, so that the service refuses their agreement
        String leaving = joinPartners(network, coordinatorApi, today.minusDays(40), "Welzijn West").get("Welzijn West");
        TestPlatform.awaitProjections(demo.platform);
        browser.open("/networks/" + network + "/minutes?lang=en");
        browser.await("[data-test=minutes-form]");
        // sent empty: nothing went in, and the summary says so (it said "Not everything is logged yet")
        browser.find("[data-test=minutes-submit]").click();
        assertThat(browser.await("[data-test=error-summary-heading]").getText())
                .isEqualTo("Nothing is logged yet: please check");
        assertThat(browser.all("[data-test=already-logged]")).isEmpty();
        // who attended is ticked, not typed
        assertThat(browser.find("[data-test='error-m.attendance']").getText()).contains("Tick at least one.")
                                                                              .doesNotContain("Fill this in");
        meeting("Steering group: follow-up");
        browser.find("input[name='m.attendance'][value='" + partners.get("Gemeente Zuid") + "|board']").click();
        browser.find("input[name='a0.title']").sendKeys("Report on the intake desk");
        new Select(browser.find("select[name='a0.kind']")).selectByValue("operational");
        browser.find("input[name='a0.partyIds'][value='" + leaving + "']").click();
        // Due before the meeting itself: said before anything is logged (the meeting went in, and then the minutes
        // stopped at the agreement's due date)
        date("a0.dueOn", today.minusDays(5));
        // The agreement of the first minutes is still open: its outcome is recorded in the same go.
        new Select(browser.find("select[name='o0.agreementId']")).selectByIndex(1);
        new Select(browser.find("select[name='o0.outcome']")).selectByValue("renegotiated");
        new Select(browser.find("select[name='o0.responsiblePartnerId']")).selectByVisibleText("Gemeente Zuid");
        browser.find("[data-test=minutes-submit]").click();

        WebElement error = browser.await("[data-test='error-a0.dueOn']");
        assertThat(error.getText()).contains("Is before the date it happened (" + today + ")");
        assertThat(browser.find("[data-test=error-summary-heading]").getText())
                .isEqualTo("Nothing is logged yet: please check");
        assertThat(browser.all("[data-test=already-logged]")).isEmpty();
        WebElement due = browser.find("input[name='a0.dueOn']");
        assertThat(due.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(due.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));
        assertThat(events("meeting-held")).as("nothing is logged while a part is wrong").hasSize(1);
        date("a0.dueOn", today.plusDays(30));

        // Meanwhile the partner withdrew: the service refuses the agreement after the meeting went in.
        Api.Response withdrawn = Api.post(demo.platform.commandPort(), "/api/networks/" + network + "/partners/" + leaving
                + "/withdrawal", """
                {"reason":"merged","occurredOn":"%s"}""".formatted(today.minusDays(1)), coordinatorApi);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(201);
        TestPlatform.awaitProjections(demo.platform);
        WebElement before = browser.find("[data-test=error-summary]");
        browser.find("[data-test=minutes-submit]").click();
        // the summary of the first refusal stands until the page of the second replaces it
        browser.awaitGone(before);
        WebElement summary = browser.await("[data-test=error-summary]");
        assertThat(summary.getText()).contains("Agreement 1").contains("Welzijn West");
        assertThat(browser.find("[data-test=already-logged]").getText()).contains("The meeting");
        assertThat(browser.find("[data-test=error-summary-heading]").getText())
                .isEqualTo("Not everything is logged yet: please check");
        assertThat(browser.js("return document.activeElement.id;")).isEqualTo("error-summary");
        assertThat(browser.find("input[name='a0.title']").getDomProperty("value")).isEqualTo("Report on the intake desk");
        assertThat(browser.find("[data-test=block-m] [data-test=block-logged]").isDisplayed()).isTrue();
        assertThat(events("meeting-held")).hasSize(2);
        assertThat(events("agreement-made")).as("nothing of the refused agreement is logged").hasSize(1);
        assertThat(events("agreement-outcome-recorded")).as("what follows the refusal waits").isEmpty();
        axe("minutes refused");
        browser.screenshot("minutes-refused-en-1400");
        browser.resize(390);
        browser.screenshot("minutes-refused-en-390");
        browser.resize(1400);

        for (WebElement gone : browser.all("input[name='a0.partyIds'][value='" + leaving + "']")) {
            if (gone.isSelected()) {
                gone.click();
            }
        }
        party("a0", "Woonstichting Oost");
        browser.find("[data-test=minutes-submit]").click();
        browser.await("[data-test=minutes-logged]");
        assertThat(browser.all("[data-test=minutes-done]")).hasSize(3);
        assertThat(browser.find("[data-test=minutes-logged-heading]").getText())
                .as("the meeting logged the first time is not counted again")
                .isEqualTo("Logged: 2 new entries of the meeting on " + today + "; 1 was logged before");
        axe("minutes logged after a refusal");
        browser.screenshot("minutes-resubmitted-en-1400");

        assertThat(events("meeting-held")).as("the meeting is not logged twice").hasSize(2);
        List<JsonNode> agreements = events("agreement-made");
        assertThat(agreements).hasSize(2);
        JsonNode agreement = agreements.get(1);
        assertThat(agreement.path("payload").path("dueOn").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(agreement.path("occurredOn").asText()).isEqualTo(today.toString());
        List<JsonNode> outcomes = events("agreement-outcome-recorded");
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).path("payload").path("agreementId").asText())
                .isEqualTo(agreements.get(0).path("payload").path("agreementId").asText());
        assertThat(outcomes.get(0).path("payload").path("responsiblePartnerId").asText())
                .isEqualTo(partners.get("Gemeente Zuid"));
    }

    @Test
    @Order(3)
    void anotherAgreementBlockIsAddedWithoutLosingWhatWasTyped() {
        browser.open("/networks/" + network + "/minutes?lang=nl");
        browser.await("[data-test=minutes-form]");
        browser.find("input[name='m.purpose']").sendKeys("Werkgroep wonen");
        browser.find("input[name='a0.title']").sendKeys("Eerste afspraak");
        browser.find("[data-test=add-agreement]").click();
        browser.await("input[name='a1.title']");
        assertThat(browser.find("input[name='m.purpose']").getDomProperty("value")).isEqualTo("Werkgroep wonen");
        assertThat(browser.find("input[name='a0.title']").getDomProperty("value")).isEqualTo("Eerste afspraak");
        assertThat(browser.find("input[name='a0.commandId']").getDomProperty("value"))
                .isNotEqualTo(browser.find("input[name='a1.commandId']").getDomProperty("value"));
        assertThat(browser.find("#block-a1-heading").getText()).isEqualTo("Afspraak 2");
        axe("minutes two agreements nl");
        browser.screenshot("minutes-two-agreements-nl-1400");
        browser.resize(390);
        browser.screenshot("minutes-two-agreements-nl-390");
        browser.resize(1400);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void meeting(String purpose) {
        browser.find("input[name='m.kind'][value=formal]").click();
        browser.find("input[name='m.modality'][value=in-person]").click();
        browser.find("input[name='m.purpose']").sendKeys(purpose);
    }

    private void party(String block, String partner) {
        browser.find("input[name='" + block + ".partyIds'][value='" + partners.get(partner) + "']").click();
    }

    private void date(String name, LocalDate value) {
        browser.js("arguments[0].value = arguments[1];", browser.find("input[name='" + name + "']"), value.toString());
    }

    private void axe(String page) {
        JsonNode violations = browser.seriousAccessibilityViolations();
        assertThat(violations).as(page + ": " + violations).isEmpty();
    }

    private List<JsonNode> events(String type) {
        return events(network, type, coordinatorApi);
    }

    private JsonNode latest(String type) {
        return latest(network, type, coordinatorApi);
    }
}
