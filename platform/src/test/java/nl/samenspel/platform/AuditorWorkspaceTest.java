package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor in a real headless Chromium: compares a network as of today with what was known a moment before a
 * correction and sees the difference marked and explained by that correction, follows it into the read-only history,
 * verifies the log, and downloads the export, which the standalone verifier then finds intact and signed with the key
 * the page shows. Screenshots in both languages, wide and narrow; axe-core on every page.
 */
class AuditorWorkspaceTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");

    private String network;
    private String knownAt;
    private long correctionSequence;
    private long originalSequence;

    @BeforeAll
    void logAMeasurementAndCorrectIt() throws Exception {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        network = foundNetwork("Netwerk Tijdreis", today.minusDays(40), "coordinator", "auditor");
        Api.Response measured = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/temperature-measured", """
                {"level":1,"occurredOn":"%s"}""".formatted(today), coordinator);
        assertThat(measured.status()).as(measured.body()).isEqualTo(201);
        String measurement = measured.json().get("eventId").asText();

        // "Known at" falls on a whole second between the measurement and its correction.
        Instant moment = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        while (!Instant.now().isAfter(moment.plusMillis(1100))) {
            Thread.sleep(50);
        }
        knownAt = LocalDateTime.ofInstant(moment, PAGES).toString();
        Api.Response corrected = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/entry-corrected", """
                {"targetEventId":"%s","reason":"The chair measured level 4, not 1","occurredOn":"%s",
                 "replacement":{"entryType":"temperature-measured","level":4,"occurredOn":"%s"}}"""
                .formatted(measurement, today, today), coordinator);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        TestPlatform.awaitProjections(demo.platform);
        for (JsonNode event : demo.query("/api/networks/" + network + "/events", coordinator)) {
            if (event.get("eventId").asText().equals(measurement)) {
                originalSequence = event.get("sequenceNumber").asLong();
            }
            if (event.get("type").asText().equals("EntryCorrected")) {
                correctionSequence = event.get("sequenceNumber").asLong();
            }
        }
    }

    @Test
    void timeTravelMarksTheDifferenceAndTheCorrectionThatExplainsIt() {
        loginAsAuditor();
        browser.open("/networks/" + network);
        browser.await("[data-test=audit-link]").click();
        browser.await("[data-test=compare-form]");
        browser.js("document.getElementById('knownAt').value = arguments[0];", knownAt);
        browser.find("[data-test=compare-submit]").click();
        WebElement row = browser.await("[data-test=compare-row-H13]");
        // the moment typed is said in words under its field, as the browser shows it in its own format
        LocalDateTime typed = LocalDateTime.parse(knownAt);
        assertThat(browser.find("#knownAt").findElement(By.xpath("following-sibling::*[@data-test='date-words']")).getText())
                .contains(typed.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)))
                .contains(typed.format(java.time.format.DateTimeFormatter.ofPattern(
                        // to the second, as the comparison is made (a moment typed without seconds, without)
                        typed.getSecond() == 0 && typed.getNano() == 0 ? "HH:mm" : "HH:mm:ss")));

        JsonNode api = demo.query("/api/networks/" + network + "/health/compare?date=" + LocalDate.now(PAGES)
                + "&knownAt=" + LocalDateTime.parse(knownAt).atZone(PAGES).toInstant(), demo.bearer("auditor"));
        assertThat(api.get("changedIndicators").toString()).contains("H13");
        for (JsonNode id : api.get("changedIndicators")) {
            assertThat(browser.find("[data-test=compare-row-" + id.asText() + "]").getDomAttribute("data-changed"))
                    .as(id.asText()).isEqualTo("true");
        }
        everyDifferenceCanBeSeen(api);
        assertThat(row.getDomAttribute("data-changed")).isEqualTo("true");
        assertThat(row.getText()).contains("Differs");
        WebElement explained = row.findElement(By.cssSelector("[data-test=explained-by] a"));
        assertThat(explained.getText()).startsWith("#" + correctionSequence).contains("Correction")
                                       .matches("(?s).* in the log on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");
        // A date is not broken at its hyphens: the headers' dates and the moments an entry was logged stay whole.
        assertThat(browser.wrapped("table.compare thead th:nth-child(2), [data-test=explained-by] a .nowrap"))
                .as("dates broken over two lines").isEmpty();
        assertThat(browser.all("[data-test=late-entry]")).hasSize(api.get("lateEntries").size());
        // the late correction names what it corrects and when that happened, not only its own date
        assertThat(browser.all("[data-test=late-corrects]")).extracting(WebElement::getText)
                .containsExactly("of #" + originalSequence + " Temperature measured, which happened on "
                                 + LocalDate.now(PAGES));
        assertThat(browser.find("[data-test=compare-row-H1]").getDomAttribute("data-changed")).isEqualTo("false");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the comparison").isEmpty();
        String explainedBy = explained.getDomAttribute("href");
        shots("audit-compare");

        browser.open(explainedBy);
        WebElement correction = browser.await("#entry-" + correctionSequence);
        assertThat(correction.getText()).contains("Correction").contains("coordinator");
        assertThat(correction.findElement(By.cssSelector("[data-test=recorded-by]")).getText())
                .as("who logged it: the name the user goes by, the role they acted in, and the id as logged")
                .startsWith("Demo coordinator (coordinator) ")
                .matches(".* [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(correction.findElement(By.cssSelector("[data-test=hash]")).getText()).matches("[0-9a-f]{64}");
        assertThat(browser.driver.getCurrentUrl()).as("the correction's page starts with it")
                                                  .contains("fromSequence=" + correctionSequence);
        // what it changed, value by value, against the entry it corrects (on an earlier page): its card showed only
        // the values it gives, so the value first logged had to be looked up and compared
        WebElement changes = correction.findElement(By.cssSelector("[data-test=changes]"));
        assertThat(correction.findElement(By.cssSelector("[data-test=changes-title]")).getText())
                .isEqualTo("What it changed in #" + originalSequence + " Temperature measured");
        List<WebElement> changed = changes.findElements(By.cssSelector("[data-test=change]"));
        assertThat(changed).as("only the level changed; the date stayed").hasSize(1);
        assertThat(changed.get(0).findElement(By.tagName("th")).getText()).isEqualTo("Temperature");
        assertThat(changed.get(0).findElement(By.cssSelector("[data-test=change-before]")).getText()).startsWith("1");
        assertThat(changed.get(0).findElement(By.cssSelector("[data-test=change-after]")).getText())
                .isEqualTo("4 \u00b7 Conflict");
        WebElement corrects = correction.findElement(By.cssSelector("[data-test=corrects]"));
        assertThat(corrects.getText()).as("on an earlier page, the entry corrected is named by its number and kind too")
                                      .isEqualTo("#" + originalSequence + " Temperature measured");
        corrects.click();
        assertThat(browser.await("#entry-" + originalSequence).getText()).contains("Temperature measured");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#entry-" + originalSequence);

        browser.open("/networks/" + network + "/audit/history");
        WebElement original = browser.await("#entry-" + originalSequence);
        assertThat(browser.find("#entry-" + correctionSequence + " [data-test=corrects]").getText())
                .as("on the same page, the entry corrected is named by its number and kind")
                .isEqualTo("#" + originalSequence + " Temperature measured");
        assertThat(original.findElement(By.cssSelector("[data-test=corrected-by] a")).getText())
                .endsWith("#" + correctionSequence);
        // and what it counts as now, beside the values first logged: the history showed only those
        assertThat(original.findElement(By.cssSelector("[data-test=corrected-now]")).getText())
                .isEqualTo("Counts now, as corrected by #" + correctionSequence + ": Temperature: 4 \u00b7 Conflict");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the history").isEmpty();
        // On a phone the user's id goes whole onto a line of its own, not broken after its first letter.
        browser.resize(390);
        assertThat(browser.all("[data-test=recorded-by] code.id")).isNotEmpty();
        assertThat(browser.wrapped("[data-test=recorded-by] code.id")).as("ids broken over two lines").isEmpty();
        browser.resize(1400);
        shots("audit-history");

        browser.open("/networks/" + network + "/audit/history?type=entry-corrected");
        WebElement filtered = browser.await("#entry-" + correctionSequence + " [data-test=corrects]");
        assertThat(browser.all("#entry-" + originalSequence)).as("left out by the filter").isEmpty();
        assertThat(filtered.getText()).as("an entry the filter leaves out is named by its number and kind too")
                                      .isEqualTo("#" + originalSequence + " Temperature measured");
        filtered.click();
        assertThat(browser.await("#entry-" + originalSequence).getText()).contains("Temperature measured");
    }

    /**
     * A correction's card says what it changed against the entry as it counted just before it: a second correction
     * against the first, not against the values first logged; one that repeats every value says so. In Dutch.
     */
    @Test
    void eachCorrectionSaysWhatItChangedAgainstTheValuesBeforeIt() {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String twice = foundNetwork("Netwerk Tweemaal", today.minusDays(20), "coordinator", "auditor");
        Api.Response measured = Api.post(demo.platform.commandPort(), "/api/networks/" + twice
                + "/entries/temperature-measured", """
                {"level":2,"signals":["guardedness"],"occurredOn":"%s","note":"Eerste meting"}""".formatted(today.minusDays(2)),
                coordinator);
        assertThat(measured.status()).as(measured.body()).isEqualTo(201);
        String target = measured.json().get("eventId").asText();
        String signals = "\"signals\":[\"guardedness\",\"avoided-topics\"],";
        String first = "{\"entryType\":\"temperature-measured\",\"level\":3," + signals + "\"occurredOn\":\""
                + today.minusDays(2) + "\",\"note\":\"Eerste meting\"}";
        String second = "{\"entryType\":\"temperature-measured\",\"level\":3," + signals + "\"occurredOn\":\""
                + today.minusDays(1) + "\"}";
        List<Long> corrections = new java.util.ArrayList<>();
        for (String replacement : List.of(first, second, second)) {
            Api.Response corrected = Api.post(demo.platform.commandPort(), "/api/networks/" + twice
                    + "/entries/entry-corrected", """
                    {"targetEventId":"%s","reason":"Nagekeken","occurredOn":"%s","replacement":%s}"""
                    .formatted(target, today, replacement), coordinator);
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
            corrections.add(corrected.json().path("receipt").path("sequence").asLong());
        }
        TestPlatform.awaitProjections(demo.platform);
        loginAsAuditor();
        browser.open("/networks/" + twice + "/audit/history?lang=nl");
        WebElement firstCard = browser.await("#entry-" + corrections.get(0));
        List<WebElement> firstChanges = firstCard.findElements(By.cssSelector("[data-test=change]"));
        assertThat(firstChanges).as("the level and the signals").hasSize(2);
        assertThat(firstChanges.get(0).getText()).startsWith("Temperatuur").contains("2").contains("3");
        // a list says what it gained: both columns read alike at a glance
        assertThat(firstCard.findElements(By.cssSelector("[data-test=change-added]"))).extracting(WebElement::getText)
                .containsExactly("Toegevoegd: Onderwerpen worden gemeden");
        assertThat(firstCard.findElements(By.cssSelector("[data-test=change-removed]"))).isEmpty();
        List<WebElement> secondChanges = browser.all("#entry-" + corrections.get(1) + " [data-test=change]");
        assertThat(secondChanges).as("the date and the note, against the first correction; not the level again")
                                 .hasSize(2);
        assertThat(secondChanges.get(0).findElement(By.tagName("th")).getText()).isEqualTo("Datum waarop het gebeurde");
        assertThat(secondChanges.get(0).findElement(By.cssSelector("[data-test=change-before]")).getText())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(secondChanges.get(0).findElement(By.cssSelector("[data-test=change-after]")).getText())
                .isEqualTo(today.minusDays(1).toString());
        assertThat(secondChanges.get(1).findElement(By.cssSelector("[data-test=change-before]")).getText())
                .isEqualTo("Eerste meting");
        assertThat(secondChanges.get(1).findElement(By.cssSelector("[data-test=change-after]")).getText())
                .isEqualTo("(leeg)");
        // what the entry counts as now says the date the corrections moved it to: its heading keeps the first
        assertThat(browser.find("#entry-" + measuredSequence(twice, target) + " [data-test=corrected-now]").getText())
                .contains("Datum waarop het gebeurde: " + today.minusDays(1) + " \u00b7 Temperatuur: 3");
        assertThat(browser.find("#entry-" + corrections.get(2) + " [data-test=changes-none]").getText())
                .isEqualTo("Het herhaalt elke waarde die de vastlegging ervoor had.");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on corrections' changes").isEmpty();
        shots("audit-history-changes");
    }

    /** The number of the entry {@code eventId} in the log of {@code network}. */
    private long measuredSequence(String network, String eventId) {
        for (JsonNode event : demo.query("/api/networks/" + network + "/events", demo.bearer("coordinator"))) {
            if (event.get("eventId").asText().equals(eventId)) {
                return event.get("sequenceNumber").asLong();
            }
        }
        throw new AssertionError("no entry " + eventId);
    }

    /**
     * What a value is based on marks an entry a correction changed and lists the correction, each entry with its
     * number leading to it in the log: the page said "each entry is shown whole, as the log holds it" beside the
     * corrected value, with nothing to say that the log first held another, nor which entry changed it.
     */
    @Test
    void anExplanationMarksACorrectedEntryAndListsItsCorrectionWithLinksIntoTheLog() {
        loginAsAuditor();
        String month = java.time.YearMonth.now(PAGES).toString();
        browser.open("/networks/" + network + "/explain?indicator=H13&month=" + month + "&lang=en");
        WebElement original = browser.await("[data-test=explain-entries] [data-test=explain-entry-" + originalSequence + "]");
        assertThat(original.findElement(By.cssSelector("[data-test=explain-corrected]")).getText())
                .endsWith("Corrected: shown as corrected");
        assertThat(original.findElement(By.cssSelector("[data-test=explain-said]")).getText()).contains("4");
        assertThat(browser.find("[data-test=explain-privacy]").getText())
                .contains("with its correction applied (marked \"corrected\")");
        WebElement correction = browser.find("[data-test=explain-corrections] [data-test=explain-entry-"
                                             + correctionSequence + "]");
        assertThat(correction.getText()).contains("Correction").contains("Corrects: Temperature measured of "
                                                                         + LocalDate.now(PAGES));
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the explanation").isEmpty();
        shots("explain-corrected");
        browser.open("/networks/" + network + "/explain?indicator=H13&month=" + month + "&lang=en");
        browser.await("[data-test=explain-corrections] [data-test=explain-entry-" + correctionSequence
                      + "] [data-test=explain-link]").click();
        assertThat(browser.await("#entry-" + correctionSequence).getText()).contains("Correction");
        browser.open("/networks/" + network + "/explain?indicator=H13&month=" + month + "&lang=en");
        WebElement link = browser.await("[data-test=explain-entries] [data-test=explain-entry-" + originalSequence
                                        + "] [data-test=explain-link]");
        assertThat(link.getText()).isEqualTo("#" + originalSequence);
        assertThat(link.getDomAttribute("aria-label")).isEqualTo("Entry " + originalSequence + " in the log");
        link.click();
        assertThat(browser.await("#entry-" + originalSequence).getText()).contains("Temperature measured");
    }

    /**
     * An entry logged today changes this month's figures, while a month not yet over shows the value of the month
     * before: the row for network energy differs and reads the same on both sides, and says where the difference lies.
     */
    @Test
    void aRowThatDiffersButReadsTheSameOnBothSidesSaysWhatDiffers() throws Exception {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String steady = foundNetwork("Netwerk Gelijk Beeld", today.minusDays(150), "coordinator", "auditor");
        String partner = joinPartners(steady, coordinator, today.minusDays(150), "Gemeente Een", "Gemeente Twee")
                .get("Gemeente Een");
        for (int day = 140; day > 0; day -= 10) {
            contribution(steady, partner, today.minusDays(day), coordinator);
        }
        Instant moment = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        while (!Instant.now().isAfter(moment.plusMillis(1100))) {
            Thread.sleep(50);
        }
        contribution(steady, partner, today, coordinator);
        TestPlatform.awaitProjections(demo.platform);
        JsonNode api = demo.query("/api/networks/" + steady + "/health/compare?date=" + today + "&knownAt=" + moment,
                                  demo.bearer("auditor"));
        assertThat(api.get("changedIndicators").toString()).contains("H5");

        loginAsAuditor();
        browser.open("/networks/" + steady + "/audit/compare?date=" + today + "&knownAt="
                     + LocalDateTime.ofInstant(moment, PAGES) + "&lang=nl");
        WebElement energy = browser.await("[data-test=compare-row-H5]");
        List<WebElement> cells = energy.findElements(By.cssSelector("td"));
        assertThat(cells.get(0).getText()).as("this month is not over: both sides show last month's energy")
                                          .isEqualTo(cells.get(1).getText());
        assertThat(everyDifferenceCanBeSeen(api)).isPositive();
        assertThat(energy.findElement(By.cssSelector("[data-test=differs-detail]")).getText())
                .isEqualTo("in cijfers achter de waarde die deze tabel niet toont (waaruit ze berekend wordt)");
        shots("audit-compare-alike");
    }

    /**
     * A partner that joined late is named beside a share it changed without being its evidence: shared ambition fell
     * from 100 % to 67 % between the two sides, and the row said only that no late entry was its evidence.
     */
    @Test
    void aPartnerThatJoinedLateIsNamedBesideTheSharesItChanged() throws Exception {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String shared = foundNetwork("Netwerk Late Toetreder", today.minusDays(100), "coordinator", "auditor");
        Map<String, String> partners = joinPartners(shared, coordinator, today.minusDays(90), "Gemeente Een",
                                                    "Gemeente Twee");
        Api.Response stated = Api.post(demo.platform.commandPort(), "/api/networks/" + shared + "/entries/ambition-stated",
                """
                {"version":1,"statement":"Safe at home for longer","occurredOn":"%s"}""".formatted(today.minusDays(80)),
                coordinator);
        assertThat(stated.status()).as(stated.body()).isEqualTo(201);
        for (String partner : partners.values()) {
            Api.Response endorsed = Api.post(demo.platform.commandPort(), "/api/networks/" + shared
                    + "/entries/ambition-endorsed", """
                    {"partnerId":"%s","level":"board","ambitionVersion":1,"stance":"endorses","occurredOn":"%s"}"""
                    .formatted(partner, today.minusDays(70)), coordinator);
            assertThat(endorsed.status()).as(endorsed.body()).isEqualTo(201);
        }
        Instant moment = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        while (!Instant.now().isAfter(moment.plusMillis(1100))) {
            Thread.sleep(50);
        }
        joinPartners(shared, coordinator, today.minusDays(60), "Zorggroep Laat");
        TestPlatform.awaitProjections(demo.platform);
        JsonNode api = demo.query("/api/networks/" + shared + "/health/compare?date=" + today + "&knownAt=" + moment,
                                  demo.bearer("auditor"));
        assertThat(api.get("changedIndicators").toString()).contains("H2");
        assertThat(api.path("explainedByCount").path("H2").asInt()).as("the join is not shared ambition's evidence")
                                                                   .isZero();
        long joined = api.get("lateEntries").get(0).get("sequenceNumber").asLong();

        loginAsAuditor();
        browser.open("/networks/" + shared + "/audit/compare?date=" + today + "&knownAt="
                     + LocalDateTime.ofInstant(moment, PAGES) + "&lang=en");
        WebElement ambition = browser.await("[data-test=compare-row-H2]");
        assertThat(ambition.findElements(By.cssSelector("[data-test=who-takes-part] li"))).singleElement()
                .extracting(WebElement::getText).asString().startsWith("#" + joined + " Partner joined");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the comparison").isEmpty();
        shots("audit-compare-who-takes-part");
    }

    /**
     * The log goes back from any page and on to its newest entries: a coordinator who followed the confirmation to a new
     * entry found only "First entries" and "Next entries", and reached the newest by paging from the first.
     */
    @Test
    void theLogGoesBackFromAnyPageAndOnToItsNewestEntries() {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String long_ = foundNetwork("Netwerk Lang Logboek", today.minusDays(200), "coordinator", "auditor");
        String partner = joinPartners(long_, coordinator, today.minusDays(200), "Gemeente Een").get("Gemeente Een");
        importContributions(long_, partner, coordinator, i -> today.minusDays(190 - i));
        long newest = 131;   // founded (#0), a partner (#1), 130 contributions
        TestPlatform.awaitProjections(demo.platform);

        loginAsAuditor();
        // a page in the middle, with all four links, on a phone in Dutch: the links stood in one row, and the last two
        // ran off the right of the screen
        browser.resize(390);
        browser.open("/networks/" + long_ + "/audit/history?fromSequence=70&lang=nl");
        browser.await("[data-test=newest-page]");
        assertThat(browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("how far the page runs off the right of a phone").isEqualTo(0L);
        browser.screenshot("audit-history-pager-nl-390");
        browser.resize(1400);
        browser.open("/networks/" + long_ + "/audit/history?fromSequence=70&lang=en#entry-70");
        browser.await("#entry-70");
        // which entries the page holds, said above them: the newest page of a short log overlaps the first
        assertThat(browser.find("[data-test=page-range]").getText()).isEqualTo("Entries #70 to #119 of the log.");
        // by keyboard past fifty entries to the page links: a skip link ahead of the list leads there
        WebElement skip = browser.find("[data-test=skip-to-pages]");
        assertThat(skip.getText()).isEqualTo("Skip these 50 entries, to the other pages");
        skip.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.js("return document.activeElement.id;")).isEqualTo("pages");
        browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.js("return document.activeElement.getAttribute('data-test');")).isEqualTo("first-page");
        browser.find("[data-test=previous-page]").click();
        browser.await("#entry-20");
        assertThat(browser.driver.getCurrentUrl()).contains("fromSequence=20");
        browser.find("[data-test=newest-page]").click();
        browser.await("#entry-" + newest);
        List<WebElement> shown = browser.all("ol.history > li");
        assertThat(shown).as("the newest page ends with the newest entry").hasSize(50);
        assertThat(shown.get(shown.size() - 1).getDomAttribute("id")).isEqualTo("entry-" + newest);
        assertThat(browser.all("[data-test=newest-page]")).as("on the newest page").isEmpty();
        assertThat(browser.all("[data-test=next-page]")).isEmpty();
        shots("audit-history-newest");
        browser.find("[data-test=previous-page]").click();
        browser.await("#entry-32");
        assertThat(browser.driver.getCurrentUrl()).contains("fromSequence=32");
        // a filtered log keeps to its first and next pages: the page before a filtered one is not known by its number
        browser.open("/networks/" + long_ + "/audit/history?type=contribution-recorded&fromSequence=70");
        browser.await("#entry-70");
        assertThat(browser.all("[data-test=previous-page]")).isEmpty();
        assertThat(browser.all("[data-test=first-page]")).hasSize(1);
    }

    /** 130 contributions of the partner in one import, the i-th dated {@code on.apply(i)}. */
    private void importContributions(String network, String partner, Api.Login coordinator,
                                     java.util.function.IntFunction<LocalDate> on) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 130; i++) {
            lines.append("""
                    {"type":"contribution-recorded","fromPartnerId":"%s","kind":"money","quantity":%d,"unit":"EUR","capital":"economic","status":"delivered","occurredOn":"%s"}
                    """.formatted(partner, 100 + i, on.apply(i)));
        }
        Api.Response imported = Api.send("POST", demo.platform.commandPort(), "/api/networks/" + network + "/imports",
                                         lines.toString(), "application/x-ndjson", coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }

    private void contribution(String network, String partner, LocalDate on, Api.Login coordinator) {
        Api.Response recorded = Api.post(demo.platform.commandPort(), "/api/networks/" + network
                + "/entries/contribution-recorded", """
                {"fromPartnerId":"%s","kind":"money","quantity":250,"unit":"EUR","capital":"economic","status":"delivered","occurredOn":"%s"}"""
                .formatted(partner, on), coordinator);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    /**
     * An import of 130 contributions after the moment compared with: the page lists the first 100 late entries, says how
     * many there are in all, and its next page lists the rest; each row that more late entries explain than it names
     * says how many.
     */
    @Test
    void manyLateEntriesComeInPagesAndEveryRowSaysHowManyExplainIt() throws Exception {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String busy = foundNetwork("Netwerk Late Import", today.minusDays(60), "coordinator", "auditor");
        String partner = joinPartners(busy, coordinator, today.minusDays(60), "Gemeente Een", "Gemeente Twee")
                .get("Gemeente Een");
        Instant moment = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        while (!Instant.now().isAfter(moment.plusMillis(1100))) {
            Thread.sleep(50);
        }
        importContributions(busy, partner, coordinator, i -> today.minusDays(59).plusDays(i * 59L / 129));
        TestPlatform.awaitProjections(demo.platform);
        String shownMoment = LocalDateTime.ofInstant(moment, PAGES).toString();
        JsonNode api = demo.query("/api/networks/" + busy + "/health/compare?date=" + today + "&knownAt=" + moment,
                                  demo.bearer("auditor"));
        assertThat(api.get("lateEntryCount").asInt()).isEqualTo(130);
        assertThat(api.get("lateEntries")).hasSize(100);
        // summed up per kind over all 130, not only the page: here one kind, with the dates it happened between
        JsonNode kinds = api.get("lateByKind");
        assertThat(kinds).hasSize(1);
        assertThat(kinds.get(0).get("type").asText()).isEqualTo("ContributionRecorded");
        assertThat(kinds.get(0).get("count").asInt()).isEqualTo(130);

        loginAsAuditor();
        browser.open("/networks/" + busy + "/audit/compare?date=" + today + "&knownAt=" + shownMoment);
        assertThat(browser.await("[data-test=late-range]").getText()).contains("1").contains("100").contains("130");
        assertThat(browser.all("[data-test=late-entry]")).hasSize(100);
        assertThat(browser.find("[data-test=late-kinds]").getText()).isEqualTo("130 × Contribution recorded, happened "
                + kinds.get(0).get("firstOccurredOn").asText() + " to " + kinds.get(0).get("lastOccurredOn").asText());
        // the place in the list and the log's own numbers are told apart: "1–100 of 130" lists #3 to #102
        List<WebElement> numbers = browser.all("[data-test=late-entry] a");
        assertThat(browser.find("[data-test=late-range]").getText()).contains("log numbers " + numbers.get(0).getText()
                + " to " + numbers.get(numbers.size() - 1).getText());
        everyDifferenceCanBeSeen(api);
        int counted = 0;
        for (JsonNode id : api.get("changedIndicators")) {
            WebElement row = browser.find("[data-test=compare-row-" + id.asText() + "]");
            int explaining = api.get("explainedByCount").get(id.asText()).asInt();
            assertThat(row.findElements(By.cssSelector("[data-test=explained-by]")))
                    .hasSizeLessThanOrEqualTo(Math.min(5, explaining));
            if (explaining > 5) {
                counted++;
                assertThat(row.findElement(By.cssSelector("[data-test=explained-count]")).getText())
                        .as(id.asText()).contains(Integer.toString(explaining));
            }
        }
        assertThat(counted).as("some indicator is explained by more late entries than its row names: " + api.get("explainedByCount")).isPositive();
        // Each row says what its values count, as the dashboard's tiles do.
        assertThat(browser.find("[data-test=compare-row-H4] [data-test=compare-figure]").getText())
                .isEqualTo("in contributions delivered");
        // Three capitals in order without any evidenced claim says why, as its tile does; "0 of 3 · In order" alone
        // read as a mistake. A row without a value on either side does not say what its value would count.
        JsonNode capitals = api.get("asOf").get("indicators").get("H12");
        assertThat(capitals.get("status").asText() + " " + capitals.get("figures").get("claims").asInt()).isEqualTo("OK 0");
        assertThat(browser.find("[data-test=compare-row-H12] td:nth-child(2) [data-test=compare-note]").getText())
                .isEqualTo("No warning for that yet: a network is warned once it is older than the period looked back on.");
        assertThat(api.get("asOf").get("indicators").path("H1").path("status").asText("NA"))
                .as("five conditions without an evaluation").isEqualTo("NA");
        assertThat(browser.find("[data-test=compare-row-H1]").findElements(By.cssSelector("[data-test=compare-figure]")))
                .isEmpty();
        // On a phone a figure that is the same now and as known then is shown once; one that differs, both times.
        browser.resize(390);
        String same = api.get("changedIndicators").toString().contains("\"H1\"") ? "H16" : "H1";
        String differing = api.get("changedIndicators").get(0).asText();
        assertThat(browser.find("[data-test=compare-row-" + same + "] td.known").isDisplayed()).isFalse();
        assertThat(browser.find("[data-test=compare-row-" + same + "]").getText()).contains("Same");
        assertThat(browser.find("[data-test=compare-row-" + differing + "] td.known").isDisplayed()).isTrue();
        browser.resize(1400);
        assertThat(browser.find("[data-test=compare-row-" + same + "] td.known").isDisplayed()).isTrue();
        assertThat(browser.all("[data-test=late-first]")).isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the first page").isEmpty();
        shots("audit-compare-pages");

        assertThat(browser.find("[data-test=late-next]").getText()).contains("101").contains("130");
        browser.find("[data-test=late-next]").click();
        assertThat(browser.await("[data-test=late-range]").getText()).contains("101").contains("130");
        assertThat(browser.all("[data-test=late-entry]")).hasSize(30);
        assertThat(browser.all("[data-test=late-next]")).isEmpty();
        shots("audit-compare-pages-next");
        assertThat(browser.find("[data-test=late-entry] a").getText())
                .isEqualTo("#" + api.get("nextFromSequence").asLong());
        browser.find("[data-test=late-first]").click();
        assertThat(browser.await("[data-test=late-range]").getText()).contains("100");
        assertThat(browser.all("[data-test=late-entry]")).hasSize(100);
    }

    /**
     * Who logged an entry is a link that narrows the history to what that user logged (the founding, logged by the
     * admin, drops out) and says so, with a way back to everyone's entries; an id that is none is refused beside it.
     */
    @Test
    void theHistoryNarrowsToTheEntriesOneUserLogged() {
        loginAsAuditor();
        browser.open("/networks/" + network + "/audit/history");
        assertThat(browser.await("#entry-0 [data-test=recorded-by]").getText()).startsWith("Platform admin (admin)");
        browser.find("#entry-" + originalSequence + " [data-test=by-link]").click();
        assertThat(browser.await("[data-test=by-filter]").getText())
                .isEqualTo("Only the entries logged by Demo coordinator · show everyone's entries");
        assertThat(browser.all("#entry-0")).as("the founding, logged by the admin, is left out").isEmpty();
        assertThat(browser.all("[data-test=history] > li")).extracting(e -> e.getDomAttribute("id"))
                .containsExactly("entry-" + originalSequence, "entry-" + correctionSequence);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the narrowed history").isEmpty();
        shots("audit-history-by");

        browser.find("[data-test=filter-type] option[value=entry-corrected]").click();
        // each click loads a new page: read its entries only once the old list is gone, not from the old page
        WebElement narrowed = browser.find("[data-test=history]");
        browser.find("[data-test=filter-submit]").click();
        browser.awaitGone(narrowed);
        browser.await("#entry-" + correctionSequence);
        assertThat(browser.all("#entry-" + originalSequence)).as("both filters hold").isEmpty();
        assertThat(browser.find("[data-test=by-filter]").getText()).contains("Demo coordinator");

        WebElement both = browser.find("[data-test=history]");
        browser.find("[data-test=by-all]").click();
        browser.awaitGone(both);
        browser.await("#entry-" + correctionSequence);
        assertThat(browser.all("[data-test=by-filter]")).isEmpty();
        assertThat(browser.find("[data-test=filter-type] option[value=entry-corrected]").isSelected())
                .as("the kind chosen stays").isTrue();

        browser.open("/networks/" + network + "/audit/history?by=not-a-user");
        assertThat(browser.await("[data-test=error-recordedBy]").getText()).contains("UUID");
        assertThat(browser.all("[data-test=history]")).isEmpty();
    }

    /** A range that ends before it starts is refused beside its end, in the page's language, and nothing is listed. */
    @Test
    void aHistoryRangeEndingBeforeItStartsIsRefusedBesideItsEndInDutch() {
        loginAsAuditor();
        browser.open("/networks/" + network + "/audit/history?from=2026-11-10&to=2026-11-01&lang=nl");
        WebElement error = browser.await("[data-test=error-to]");
        assertThat(error.getText()).endsWith("Moet op of na de begindatum liggen.");
        assertThat(browser.find("#to").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#from").getDomProperty("value")).isEqualTo("2026-11-10");
        assertThat(browser.all("[data-test=history]")).isEmpty();
        // Not "no entries found", which would read as nothing having happened then: the filter was not applied.
        assertThat(browser.all("[data-test=history-empty]")).isEmpty();
        assertThat(browser.find("[data-test=history-not-filtered]").getText()).startsWith("Het filter is niet toegepast");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the refused range").isEmpty();
        shots("audit-history-range-refused");
        // both ends that are no dates are said at once: the second was dropped without a word
        browser.open("/networks/" + network + "/audit/history?from=abc&to=2024-13-45&lang=en");
        assertThat(browser.await("[data-test=error-from]").getText()).endsWith("Is not a valid date (YYYY-MM-DD).");
        assertThat(browser.find("[data-test=error-to]").getText()).endsWith("Is not a valid date (YYYY-MM-DD).");
        browser.open("/networks/" + network + "/audit/history?lang=en");
    }

    @Test
    void aFutureKnownAtIsRefusedBesideItsFieldAndTheTypedValuesStay() {
        loginAsAuditor();
        browser.open("/networks/" + network + "/audit/compare");
        String future = LocalDateTime.now(PAGES).plusDays(2).truncatedTo(ChronoUnit.SECONDS).toString();
        browser.js("document.getElementById('knownAt').value = arguments[0];", future);
        browser.find("[data-test=compare-submit]").click();
        WebElement error = browser.await("[data-test=error-knownAt]");
        assertThat(error.getText()).contains("future");
        // now on the page's clock, to the second, as a moment is typed: not the service's instant in UTC with nanoseconds
        assertThat(error.getText()).containsPattern("it is now \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?\\b")
                                   .doesNotContain("Z)").doesNotContainPattern("\\.\\d{3,}");
        assertThat(browser.find("#knownAt").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#knownAt").getDomProperty("value")).startsWith(future.substring(0, 16));
        // answered as a refusal (400), as the forms answer one, not as a page that went through
        assertThat(browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(location.href).then(function (r) { done(r.status); });""")).isEqualTo(400L);
        assertThat(browser.all("[data-test=compare-table]")).isEmpty();

        // sent with no moment at all (the field emptied, the browser not holding the form back): said beside the field,
        // where the page had come back as a new form without a word
        browser.js("document.getElementById('knownAt').value = ''; document.getElementById('knownAt').required = false;");
        WebElement refused = browser.find("[data-test=compare-form]");
        browser.find("[data-test=compare-submit]").click();
        browser.awaitGone(refused);
        assertThat(browser.await("[data-test=error-knownAt]").getText()).endsWith(
                "Pick the moment to compare with: a date and a time up to now.");
        assertThat(browser.all("[data-test=compare-table]")).isEmpty();

        // an empty date beside an empty moment: both said at once (only the moment was)
        browser.open("/networks/" + network + "/audit/compare?date=&knownAt=&lang=en");
        assertThat(browser.await("[data-test=error-date]").getText()).endsWith("Give a date like 2026-03-31.");
        assertThat(browser.find("[data-test=error-knownAt]").getText()).contains("Pick the moment to compare with");
        // a date before the founding is said with the day it was founded
        LocalDate founded = LocalDate.now(PAGES).minusDays(40);
        browser.open("/networks/" + network + "/audit/compare?date=" + founded.minusDays(1) + "&knownAt="
                     + LocalDateTime.now(PAGES).minusHours(1).truncatedTo(ChronoUnit.MINUTES) + "&lang=en");
        assertThat(browser.await("[data-test=error-date]").getText())
                .endsWith("This date lies before the network was founded, on " + founded + ": pick " + founded + " or later.");
        // a time the clocks skipped (the night summer time started) is refused, not read as an hour later
        browser.open("/networks/" + network + "/audit/compare?date=" + LocalDate.now(PAGES)
                     + "&knownAt=2026-03-29T02:30&lang=en");
        assertThat(browser.await("[data-test=error-knownAt]").getText())
                .endsWith("There was no 02:30 on this day: the clocks went forward an hour that night. Pick a time before or after it.");
        browser.open("/networks/" + network + "/audit/compare?date=" + LocalDate.now(PAGES)
                     + "&knownAt=2026-10-25T02:30&lang=en");
        assertThat(browser.await("[data-test=moment-twice]").getText())
                .startsWith("02:30 happened twice that night, as the clocks went back an hour: compared with the first time");
    }

    @Test
    void theAuditorVerifiesTheLogAndTheDownloadedExportVerifiesApartFromThePlatform() throws Exception {
        loginAsAuditor();
        browser.open("/networks/" + network + "/audit/integrity");
        browser.await("[data-test=verify]").click();
        WebElement verdict = browser.await("[data-test=verdict]");
        JsonNode integrity = demo.query("/api/networks/" + network + "/integrity", demo.bearer("auditor"));
        assertThat(verdict.getDomAttribute("data-intact")).isEqualTo("true");
        assertThat(verdict.getText()).contains("Intact");
        // numbered from 0, as the log numbers them: "3 entries checked" beside "up to entry #2" read as one missing
        long checked = integrity.get("eventsChecked").asLong();
        assertThat(verdict.getText()).contains("Entries #0 to #" + (checked - 1) + " (" + checked + " in all) checked at");
        assertThat(browser.find("[data-test=head-hash]").getText()).isEqualTo(integrity.get("headHash").asText());
        assertThat(browser.all("[data-test=checkpoint]")).as("the verification signed this month's checkpoint")
                                                           .isNotEmpty();
        // a report's own checkpoint, for the same entry with another time and signature, is not taken for a forgery
        assertThat(browser.find("[data-test=checkpoints-intro]").getText())
                .contains("A steering report carries a checkpoint of its own").contains("both verify");
        // the figures the pages read, computed again from the log, are what is stored
        WebElement figures = browser.find("[data-test=figures-verdict]");
        assertThat(figures.getDomAttribute("data-matches")).isEqualTo("true");
        assertThat(figures.getText()).contains("Match the log").contains("The health of ")
                                     .contains("computed again from entries #0 to #" + (checked - 1) + " as of ")
                                     .contains("The lists the pages show (partners, representatives, agreements, meetings and the rest), "
                                               + "built again from entries #0 to #" + (checked - 1) + ", match too.");
        // and so for every demo network, built entry by entry and refreshed as days passed
        for (JsonNode shown : demo.query("/api/networks", demo.bearer("auditor"))) {
            JsonNode check = demo.query("/api/networks/" + shown.get("networkId").asText() + "/health/check",
                                        demo.bearer("auditor"));
            assertThat(check.get("matches").asBoolean()).as(shown.get("name") + ": " + check).isTrue();
        }
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on integrity").isEmpty();
        shots("audit-integrity");

        // The two download links, fetched with the browser's own session as a click would, saved under the names
        // the command on the page uses.
        String fetch = """
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);""";
        String export = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(fetch,
                browser.find("[data-test=export]").getDomProperty("href"));
        String pem = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(fetch,
                browser.find("[data-test=key-download]").getDomProperty("href"));
        assertThat(pem.strip()).as("the key file is the key the page shows")
                               .isEqualTo(browser.find("[data-test=public-key]").getText().strip());
        // with its fingerprint, which the steering report prints for comparing: the page showed only the key
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        assertThat(browser.find("[data-test=key-fingerprint]").getText()).matches("([0-9a-f]{4} )+[0-9a-f]{4}")
                .isEqualTo(sha256.replaceAll("(.{4})(?!$)", "$1 "));
        String command = browser.find("[data-test=verify-command]").getText();
        assertThat(command).contains("network-" + network + ".jsonl").contains("samenspel-key.pem");
        browser.resize(390);
        try {
            assertThat(browser.all("[data-test=verify-command] > span")).as("the program, the file, the key").hasSize(3);
            assertThat(browser.wrapped("[data-test=verify-command] > span"))
                    .as("on a phone the command breaks between its arguments, never inside one").isEmpty();
            assertThat(browser.js("var c = document.querySelector('[data-test=verify-command]');"
                                  + " return c.scrollWidth <= c.clientWidth;")).as("nor runs out of sight").isEqualTo(true);
        } finally {
            browser.resize(1400);
        }
        Path dir = Files.createTempDirectory("samenspel-audit");
        Path file = dir.resolve("network-" + network + ".jsonl");
        Files.writeString(file, export);
        Path key = dir.resolve("samenspel-key.pem");
        Files.writeString(key, pem);

        // The verifier too, from the page's own link (the command named a program the page did not offer), run as
        // the command says, in a process of its own.
        String verifier = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
                  var bytes = new Uint8Array(b), text = '';
                  for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                  done(btoa(text));
                });""", browser.find("[data-test=verifier-download]").getDomProperty("href"));
        Path jar = dir.resolve("samenspel-verify.jar");
        Files.write(jar, java.util.Base64.getDecoder().decode(verifier));
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                                         jar.toString(), file.getFileName().toString(), "--json", "--public-key",
                                         key.getFileName().toString())
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(printed).isZero();
        JsonNode verdictJson = Api.JSON.readTree(printed);
        assertThat(verdictJson.get("intact").asBoolean()).isTrue();
        assertThat(printed).contains(integrity.get("headHash").asText());

        // Later, as the page's second command says: this export kept under the name it gives, a new one beside it
        // (the verifier refused an export after --receipt, though the page told auditors to give it so).
        List<String> later = new ArrayList<>();
        for (WebElement part : browser.all("[data-test=verify-later-command] > span")) {
            later.addAll(List.of(part.getText().strip().split(" ")));
        }
        assertThat(later.subList(0, 3)).containsExactly("java", "-jar", "samenspel-verify.jar");
        assertThat(later).contains("--receipt", "earlier.jsonl");
        Files.copy(file, dir.resolve("earlier.jsonl"));
        List<String> laterRun = new ArrayList<>(later);
        laterRun.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        laterRun.add("--json");
        Process again = new ProcessBuilder(laterRun).directory(dir.toFile())
                                                   .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printedAgain = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor()).as(printedAgain).isZero();
        assertThat(Api.JSON.readTree(printedAgain).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aLogChangedInTheDatabaseIsFoundAndTheBreakSaidInTheAuditorsWords() {
        String altered = foundNetwork("Netwerk Gewijzigd", LocalDate.now(PAGES).minusDays(30), "coordinator", "auditor");
        joinPartners(altered, demo.bearer("coordinator"), LocalDate.now(PAGES).minusDays(20), "Gemeente Een",
                     "Gemeente Twee");
        TestPlatform.awaitProjections(demo.platform);
        // Someone with access to the database edits the second partner's name in the stored entry.
        try (MongoClient client = MongoClients.create(demo.store.uri("samenspel-web"))) {
            MongoCollection<Document> events = client.getDatabase("samenspel-web").getCollection("events");
            Document stored = events.find(Filters.eq("streamKey", altered + ":2")).first();
            assertThat(stored).isNotNull();
            events.updateOne(Filters.eq("streamKey", altered + ":2"),
                             Updates.set("payload", stored.getString("payload").replace("Gemeente Twee", "Gemeente Drie")));
        }
        loginAsAuditor();
        browser.open("/networks/" + altered + "/audit/integrity?lang=nl");
        browser.await("[data-test=verify]").click();
        WebElement verdict = browser.await("[data-test=verdict]");
        assertThat(verdict.getDomAttribute("data-intact")).isEqualTo("false");
        assertThat(browser.find("[data-test=broken-at]").getText())
                .isEqualTo("Eerste foute vastlegging: #2: de inhoud klopt niet meer met de hash: ze is na het vastleggen "
                           + "gewijzigd (hash-mismatch).");
        assertThat(browser.find("[data-test=break-detail]").getText()).startsWith("Technische details");
        // and what to do next: the export as it stands, and who to tell
        assertThat(browser.find("[data-test=break-next]").getText())
                .startsWith("Wat nu: cijfers die rusten op vastlegging #2 of later").contains("Download hieronder de export");
        // Not "2 entries checked" above "first bad entry: #2" (numbers start at #0), nor that the month's first check
        // signs a checkpoint: a log that does not verify is not signed.
        assertThat(verdict.getText()).contains("Niet intact: het logboek is gewijzigd")
                                     .contains("Gecontroleerd tot aan de eerste vastlegging die niet klopt, op ")
                                     .doesNotContain("vastleggingen gecontroleerd");
        assertThat(browser.find("[data-test=no-checkpoints]").getText())
                .isEqualTo("Geen controlepunt: het platform ondertekent alleen een logboek dat klopt.");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on a broken log").isEmpty();
        // On a phone the verifier's detail, a hash among it, wraps within the page instead of widening it, and the
        // verifier's name of the break stays whole.
        browser.resize(390);
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        assertThat(browser.find("[data-test=break-kind]").getText()).isEqualTo("hash-mismatch");
        assertThat(browser.wrapped("[data-test=break-kind]")).as("the break's name over two lines").isEmpty();
        browser.resize(1400);
        shots("audit-integrity-broken");
        assertThat(browser.find("[data-test=figures-verdict]").getText())
                .as("figures are not vouched for by a log that is not intact")
                .contains("Not checked against the log, as the log itself is not intact.");
    }

    /**
     * A figure changed in the stored health, where the pages read it: the log verifies intact, and the check of the
     * figures against the log says which month differs and what to do, in the auditor's words.
     */
    @Test
    void aFigureChangedInTheDatabaseIsFoundWhileTheLogStaysIntact() throws Exception {
        String polished = foundNetwork("Netwerk Opgepoetst", LocalDate.now(PAGES).minusDays(70), "coordinator", "auditor");
        joinPartners(polished, demo.bearer("coordinator"), LocalDate.now(PAGES).minusDays(60), "Gemeente Een",
                     "Gemeente Twee");
        TestPlatform.awaitProjections(demo.platform);
        String month = YearMonth.now(PAGES).minusMonths(1).toString();
        try (MongoClient client = MongoClients.create(demo.store.uri("samenspel-web"))) {
            MongoCollection<Document> months = client.getDatabase("samenspel-web").getCollection("health_months");
            String key = client.getDatabase("samenspel-web").getCollection("health_networks")
                               .find(Filters.eq("_id", polished)).first().get("monthKeys", Document.class).getString(month);
            ObjectMapper smile = new ObjectMapper(new SmileFactory());
            ObjectNode stored = (ObjectNode) smile.readTree(months.find(Filters.eq("_id", key)).first()
                                                                  .get("health", Binary.class).getData());
            ObjectNode h3 = (ObjectNode) stored.path("indicators").path("H3");
            h3.put("status", "OK".equals(h3.path("status").asText()) ? "ALERT" : "OK");
            months.updateOne(Filters.eq("_id", key), Updates.set("health", new Binary(smile.writeValueAsBytes(stored))));
            // and a partner renamed in the lists the pages read
            MongoCollection<Document> parts = client.getDatabase("samenspel-web").getCollection("network_facts_parts");
            Document partners = parts.find(Filters.eq("_id", polished + ":partners")).first();
            String field = partners.keySet().stream()
                                   .filter(k -> partners.get(k) instanceof String text && text.contains("Gemeente Twee"))
                                   .findFirst().orElseThrow();
            parts.updateOne(Filters.eq("_id", polished + ":partners"),
                            Updates.set(field, partners.getString(field).replace("Gemeente Twee", "Gemeente Drie")));
        }
        loginAsAuditor();
        browser.open("/networks/" + polished + "/audit/integrity?lang=nl");
        browser.await("[data-test=verify]").click();
        assertThat(browser.await("[data-test=verdict]").getDomAttribute("data-intact")).isEqualTo("true");
        WebElement figures = browser.find("[data-test=figures-verdict]");
        assertThat(figures.getDomAttribute("data-matches")).isEqualTo("false");
        assertThat(figures.getText()).contains("Kloppen niet met het logboek")
                                     .contains("Maanden met andere cijfers: " + month)
                                     .contains("Lijsten die afwijken van het logboek: partners");
        assertThat(browser.find("[data-test=figures-next]").getText())
                .startsWith("Wat nu: het logboek zelf is intact").contains("beheerder van het platform");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on changed figures").isEmpty();
        browser.resize(390);
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        assertThat(browser.all("[data-test=figures-findings] .nowrap")).extracting(WebElement::getText)
                                                                      .as("the month kept whole").contains(month);
        assertThat(browser.wrapped("[data-test=figures-findings] .nowrap")).as("a month over two lines on a phone").isEmpty();
        browser.resize(1400);
        shots("audit-integrity-figures");
        assertThat(browser.find("[data-test=figures-verdict]").getText()).contains("Do not match the log")
                                                                          .contains("Months whose figures differ: " + month)
                                                                          .contains("Lists that differ from the log: partners");
    }

    @Test
    void aSteeringMemberSeesNoAuditLinkAndCannotOpenTheWorkspace() {
        browser.login("steering", demo.passwords.get("steering"));
        browser.await("[data-test=network-link]");
        String noorderkwartier = demoNetwork("steering", "Zorgnetwerk Noorderkwartier");
        browser.open("/networks/" + noorderkwartier);
        browser.await("[data-test=network-name]");
        assertThat(browser.all("[data-test=audit-link]")).isEmpty();
        browser.open("/networks/" + noorderkwartier + "/audit/history");
        assertThat(browser.await("main").getText()).containsIgnoringCase("not");
        assertThat(browser.all("[data-test=history]")).isEmpty();
    }

    /**
     * Every entry of the log reads in words: what was logged under its fields' labels, partners by name, a scale's
     * step and an enumeration by their words, a note with its line breaks, and the founding too, in both languages.
     * The history showed only an entry's kind and date; what was logged was there only as the stored JSON, with the
     * services' field names and the partners' ids.
     */
    @Test
    void everyEntryOfTheLogReadsInWordsWithPartnersByName() {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        String inWords = foundNetwork("Netwerk In Woorden", today.minusDays(30), "coordinator", "auditor");
        Map<String, String> partners = joinPartners(inWords, coordinator, today.minusDays(20), "Gemeente Noord",
                                                    "Zorggroep Oost");
        Api.Response measured = Api.post(demo.platform.commandPort(), "/api/networks/" + inWords
                + "/entries/temperature-measured", """
                {"level":3,"pair":["%s","%s"],"signals":["goal-dispute"],"occurredOn":"%s",
                 "note":"Eerste regel\\nTweede regel"}""".formatted(partners.get("Zorggroep Oost"),
                                                                  partners.get("Gemeente Noord"), today), coordinator);
        assertThat(measured.status()).as(measured.body()).isEqualTo(201);
        TestPlatform.awaitProjections(demo.platform);
        long reading = -1;
        for (JsonNode event : demo.query("/api/networks/" + inWords + "/events", coordinator)) {
            if (event.get("type").asText().equals("TemperatureMeasured")) {
                reading = event.get("sequenceNumber").asLong();
            }
        }

        loginAsAuditor();
        browser.open("/networks/" + inWords + "/audit/history?lang=en");
        assertThat(content(reading)).containsExactly(
                Map.entry("Between two partners", "Zorggroep Oost; Gemeente Noord"),
                Map.entry("Temperature", "3 \u00b7 Disagreement"),
                Map.entry("Signals", "Friction about the goals"),
                Map.entry("Note", "Eerste regel\nTweede regel"));
        assertThat(content(0)).contains(Map.entry("Name of the network", "Netwerk In Woorden"),
                                        Map.entry("Form of collaboration", "Network"));
        assertThat(content(1)).contains(Map.entry("Name", "Gemeente Noord"),
                                        Map.entry("Participation level", "Core partner"))
                              .as("a field logged empty is left out, not shown with nothing after it")
                              .doesNotContainKey("Why they take part");
        for (long sequence = 0; sequence <= reading; sequence++) {
            assertThat(content(sequence).values()).as("entry #%d names what it refers to, not its id", sequence)
                    .noneMatch(value -> value.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*"));
        }
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the history in words").isEmpty();
        shots("audit-history-words");

        browser.open("/networks/" + inWords + "/audit/history?lang=nl");
        assertThat(content(reading)).containsEntry("Temperatuur", "3 \u00b7 Onenigheid")
                                    .containsEntry("Tussen twee partners", "Zorggroep Oost; Gemeente Noord")
                                    .containsEntry("Waarnemingen", "Gedoe over de doelen");
        assertThat(content(0)).contains(Map.entry("Naam van het netwerk", "Netwerk In Woorden"),
                                        Map.entry("Samenwerkingsvorm", "Netwerk"));
        browser.open("/networks/" + inWords + "/audit/history?lang=en");
    }

    /** The lines of what entry {@code sequence} holds, as the history shows them: label to value, in the form's order. */
    private Map<String, String> content(long sequence) {
        WebElement entry = browser.await("#entry-" + sequence);
        List<WebElement> labels = entry.findElements(By.cssSelector("[data-test=entry-content] dt"));
        List<WebElement> values = entry.findElements(By.cssSelector("[data-test=entry-content] dd"));
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            lines.put(labels.get(i).getText(), values.get(i).getText());
        }
        return lines;
    }

    private void loginAsAuditor() {
        browser.login("auditor", demo.passwords.get("auditor"));
        browser.await("[data-test=network-link]");
    }


    /**
     * A row marked as differing whose two sides read alike (value, status and note) says what differs: an auditor saw
     * "9 %" on both sides marked "Differs", with nothing to trace. Answers how many rows needed saying so.
     */
    private int everyDifferenceCanBeSeen(JsonNode api) {
        int alike = 0;
        for (JsonNode id : api.get("changedIndicators")) {
            WebElement row = browser.find("[data-test=compare-row-" + id.asText() + "]");
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            if (cells.get(0).getText().equals(cells.get(1).getText())) {
                alike++;
                assertThat(row.findElements(By.cssSelector("[data-test=differs-detail]"))).as(id.asText() + ": " + row.getText())
                        .singleElement().extracting(WebElement::getText).asString().isNotBlank();
            }
        }
        return alike;
    }
}
