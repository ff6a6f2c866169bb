package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms sent as a hurried person sends them. A form sent twice, as a double click, a reload or the browser's back
 * button sends it, does what it says once: the
 * thresholds form logs one change and the people form registers one person (both logged a second one); an entry form
 * sent again after it went in, with a value changed, is not stuck on its spent id: the page says so and the next send
 * logs a new entry (every send was refused with the same 409 before).
 */
class FormsSentTwiceTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");
    /** Sends the form matched by arguments[0] twice at once, as it stands on the page; answers both statuses. */
    private static final String SEND_TWICE = """
            var done = arguments[arguments.length - 1];
            var form = document.querySelector(arguments[0]);
            function send() { return fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))}); }
            Promise.all([send(), send()]).then(function (rs) { done(rs.map(function (r) { return r.status; })); },
                                               function (e) { done(String(e)); });""";

    private String network;

    @BeforeAll
    void aNetwork() {
        network = foundNetwork("Netwerk Dubbel", LocalDate.now(PAGES).minusDays(30), "coordinator");
        TestPlatform.awaitProjections(demo.platform);
    }

    @Test
    void aThresholdChangeSentTwiceIsLoggedOnce() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/policy");
        new Select(browser.await("[data-test=policy-key]")).selectByValue("dip.energyRatio");
        browser.find("[data-test=policy-value]").sendKeys("65");
        browser.find("[data-test=policy-note]").sendKeys("Measured on fewer meetings");
        Object statuses = browser.driver.executeAsyncScript(SEND_TWICE, "[data-test=policy-form]");
        assertThat(statuses).as("both sends answered").isEqualTo(List.of(200L, 200L));
        assertThat(events(network, "health-policy-changed", demo.bearer("coordinator"))).hasSize(1);
    }

    @Test
    void aPersonSentTwiceIsRegisteredOnce() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/people/new");
        browser.await("#name").sendKeys("Dubbel de Vries");
        Object statuses = browser.driver.executeAsyncScript(SEND_TWICE, "[data-test=person-form]");
        assertThat(statuses).as("both sends answered").isEqualTo(List.of(200L, 200L));
        JsonNode people = demo.query("/api/networks/" + network + "/people", demo.bearer("coordinator"));
        long named = 0;
        for (JsonNode person : people) {
            named += person.path("name").asText().equals("Dubbel de Vries") ? 1 : 0;
        }
        assertThat(named).as(people.toString()).isEqualTo(1);
        // a form of an earlier session leads back here with a note at the top (the note, in both languages)
        browser.open("/networks/" + network + "/people?stale");
        assertThat(browser.await("[data-test=stale-form]").getText()).contains("earlier session");
        shots("stale-form");
    }

    /**
     * A note pasted far past its limit (1.5 and 3 MB) is refused on the form with what to shorten and the rest kept:
     * the first answered "Samenspel cannot be reached" (the service refused the body unread), the second "something
     * went wrong" (the form was too large to read, its token with it).
     */
    @Test
    void aNoteFarTooLongIsRefusedOnTheFormWithWhatToShorten() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        for (int megabytes : new int[] {1, 3}) {
            browser.open("/networks/" + network + "/log/phase-changed");
            browser.await("[data-test=entry-form-phase-changed]");
            new org.openqa.selenium.support.ui.Select(browser.find("select[name=phase]")).selectByValue("dip");
            browser.find("textarea[name=rationale]").sendKeys("Energy fell after the reorganisation");
            browser.js("document.querySelector('[name=note]').value = 'x'.repeat(arguments[0]);",
                       megabytes * 1_500_000);
            browser.find("[data-test=entry-submit]").click();
            assertThat(browser.await("[data-test=error-summary]").getText()).as(megabytes + " MB")
                    .contains("larger than can be logged").contains("at most 2,000 characters");
            assertThat(browser.find("textarea[name=rationale]").getDomProperty("value")).as("what was typed is kept")
                                                                                  .isEqualTo("Energy fell after the reorganisation");
        }
        assertThat(events(network, "phase-changed", demo.bearer("coordinator"))).isEmpty();
    }

    /**
     * An optional field holding only what shows as nothing (no-break spaces, as a pasted text may bring) is left out,
     * as one of spaces is: the service refuses such text as blank, and the page answered "fill this in" beside a field
     * that needs nothing.
     */
    @Test
    void anOptionalFieldThatShowsAsNothingIsLeftOut() {
        String quiet = foundNetwork("Netwerk Onzichtbaar", LocalDate.now(PAGES).minusDays(30), "coordinator");
        TestPlatform.awaitProjections(demo.platform);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + quiet + "/log/phase-changed");
        new org.openqa.selenium.support.ui.Select(browser.await("select[name=phase]")).selectByValue("exploration");
        browser.find("textarea[name=rationale]").sendKeys("Exploring a shared ambition");
        browser.js("document.querySelector('[name=note]').value = '\\u00a0\\u00a0\\u200b';");
        browser.find("[data-test=entry-submit]").click();
        browser.await("[data-test=logged]");
        List<JsonNode> logged = events(quiet, "phase-changed", demo.bearer("coordinator"));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("payload").has("note")).isFalse();
    }

    /**
     * A refusal of a field the form carries hidden (a correction's id of what the entry created, altered in the page)
     * is said above the form; it was placed beside the hidden field, where nobody saw it, so the page came back 400
     * without a word.
     */
    @Test
    void aRefusalOfAHiddenFieldIsSaidAboveTheForm() {
        String tampered = foundNetwork("Netwerk Verborgen", LocalDate.now(PAGES).minusDays(30), "coordinator");
        joinPartners(tampered, demo.bearer("coordinator"), LocalDate.now(PAGES).minusDays(20), "Gemeente Verborgen");
        TestPlatform.awaitProjections(demo.platform);
        JsonNode joined = events(tampered, "partner-joined", demo.bearer("coordinator")).get(0);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + tampered + "/log/entry-corrected");
        new org.openqa.selenium.support.ui.Select(browser.await("select[name=targetEventId]"))
                .selectByValue(joined.path("eventId").asText());
        browser.find("[data-test=entry-refresh]").click();
        browser.await("[data-test='field-replacement.name']");
        browser.js("document.querySelector('input[type=hidden][name=\"replacement.partnerId\"]').value = arguments[0];",
                   java.util.UUID.randomUUID().toString());
        browser.find("textarea[name=reason]").sendKeys("Typo in the name");
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=error-summary]").getText()).as("the refusal is said somewhere")
                .contains("Not logged yet");
        assertThat(browser.all("[data-test=error-general]")).isNotEmpty();
        assertThat(events(tampered, "entry-corrected", demo.bearer("coordinator"))).isEmpty();
    }

    /** "1.000" is a thousand to a Dutch reader and one to an English one: the form asks, where it took one. */
    @Test
    void aNumberThatReadsTwoWaysIsAskedAboutNotTakenAsOne() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/log/contribution-recorded");
        browser.await("input[name=quantity]").sendKeys("1.000");
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("\"1.000\" reads as a whole number");
        assertThat(browser.find("input[name=quantity]").getDomProperty("value")).isEqualTo("1.000");
        assertThat(events(network, "contribution-recorded", demo.bearer("coordinator"))).isEmpty();
    }

    @Test
    void anEntryFormSentAgainWithAChangedValueSaysSoAndThenLogsANewEntry() {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/log/partner-joined");
        browser.await("input[name=name]").sendKeys("Eerste Partner");
        browser.find("input[name=partnerType]").sendKeys("school");
        browser.find("input[name=participationLevel][value=core]").click();
        String commandId = browser.find("input[name=commandId]").getDomProperty("value");
        // Sent once without leaving the page, then the name changed and the same form sent again.
        browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var form = document.querySelector('[data-test=entry-form-partner-joined]');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(function (r) { done(r.status); });""");
        browser.find("input[name=name]").clear();
        browser.find("input[name=name]").sendKeys("Tweede Partner");
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=error-summary]").getText()).contains("This form was logged before with other values");
        assertThat(browser.find("input[name=commandId]").getDomProperty("value")).as("a fresh id").isNotEqualTo(commandId);
        assertThat(browser.find("input[name=name]").getDomProperty("value")).as("what was typed is kept")
                                                                          .isEqualTo("Tweede Partner");
        browser.screenshot("log-sent-before-en-1400");
        browser.find("[data-test=entry-submit]").click();
        assertThat(browser.await("[data-test=logged]").getText()).contains("Tweede Partner");
        assertThat(events(network, "partner-joined", demo.bearer("coordinator")))
                .extracting(e -> e.path("payload").path("name").asText())
                .containsExactly("Eerste Partner", "Tweede Partner");
    }
}
