package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.health.Alert;
import nl.samenspel.command.api.CommandDispatcher;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.platform.demo.DemoLoader;
import nl.samenspel.platform.demo.DemoNetworks;
import nl.samenspel.platform.demo.DemoScript;
import nl.samenspel.query.health.NetworkLogReader;
import nl.samenspel.support.security.Actor;
import nl.samenspel.support.security.SamenspelPrincipal;
import nl.samenspel.support.security.UserStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live health projection over a demo network loaded through the command path: its stored months equal the pure
 * fold over the stored log, a reset-and-replay rebuilds the same months, and the health API answers the views a
 * steering group reads — including an explanation, "as of", and "as known at" around a correction.
 */
class HealthApiTest {
    private static TestPlatform tp;
    private static DemoScript script;
    private static String network;

    @BeforeAll
    static void loadNoorderkwartier() {
        tp = new TestPlatform();
        UserStore users = tp.platform.commands().getBean(UserStore.class);
        script = DemoNetworks.noorderkwartier(LocalDate.now(), 11);
        network = script.networkId.toString();
        for (String user : List.of("coordinator", "steering", "auditor")) {
            users.grant(users.byUsername(user).orElseThrow().userId(), script.networkId,
                        NetworkRole.fromWire(user));
        }
        Actor admin = new Actor(SamenspelPrincipal.of(users.byUsername("admin").orElseThrow()), "admin");
        Actor coordinator = new Actor(SamenspelPrincipal.of(users.byUsername("coordinator").orElseThrow()), "coordinator");
        DemoLoader.load(script, tp.platform.commands().getBean(CommandDispatcher.class), admin, coordinator);
        awaitHealthCaughtUp();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void theLiveMonthsEqualThePureFoldOverTheStoredLog() {
        JsonNode live = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.steering).json();
        List<MonthHealth> pure = pureTimeline();
        assertThat(live.size()).isEqualTo(pure.size());
        for (int i = 0; i < pure.size(); i++) {
            // Compared as JSON text: the stored numbers come back as int or long where the fold had the other.
            assertThat(live.get(i).toString()).as("month %s", pure.get(i).month())
                                              .isEqualTo(evidenceCounted(asJson(pure.get(i))).toString());
        }
        // The timeline counts the evidence; the ids behind each value are explain's to list.
        for (MonthHealth month : List.of(pure.get(14), pure.get(pure.size() - 1))) {
            month.indicators().forEach((id, value) -> assertThat(explainedEvidence("indicator=" + id, month))
                    .as("%s in %s", id, month.month()).isEqualTo(value.evidence()));
            for (Alert alert : month.alerts()) {
                assertThat(explainedEvidence("alert=" + alert.id(), month))
                        .as("%s in %s", alert.id(), month.month()).isEqualTo(alert.evidence());
            }
        }
    }

    @Test
    void theTimelineTravelsGzippedWithEvidenceCountsAndExplainStillListsTheIds() throws IOException {
        HttpResponse<byte[]> zipped = Api.getBytes(tp.queryPort(), "/api/networks/" + network + "/health/timeline",
                                                   tp.steering, "Accept-Encoding", "gzip");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            plain = in.readAllBytes();
        }
        assertThat(zipped.body().length).as("bytes on the wire").isLessThan(plain.length / 3);
        JsonNode timeline = Api.JSON.readTree(plain);
        assertThat(timeline.findValues("evidence")).as("no evidence lists").isEmpty();
        assertThat(timeline.findValues("evidenceCount")).isNotEmpty();

        JsonNode dipMonth = timeline.get(14);
        JsonNode drivers = dipMonth.get("indicators").get("H6");
        assertThat(drivers.get("evidenceCount").asInt()).isPositive();
        JsonNode explained = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/explain?indicator=H6&month="
                + dipMonth.get("month").asText(), tp.steering).json();
        assertThat(explained.get("indicator").get("evidence").size()).isEqualTo(drivers.get("evidenceCount").asInt());
        assertThat(explained.get("events").findValuesAsText("eventId")).isNotEmpty()
                .allSatisfy(id -> assertThat(id).isNotBlank());
    }

    @Test
    void aResetAndReplayRebuildsTheSameMonths() {
        String before = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.steering).body();
        StreamingEventProcessor processor = tp.platform.queries().getBean(EventProcessingConfiguration.class)
                .eventProcessor("health", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitHealthCaughtUp();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.steering).status() == 200);
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/health/timeline", tp.steering).body())
                .isEqualTo(before);
    }

    @Test
    void theHealthViewsAnswerForTheSteeringGroup() {
        JsonNode current = Api.get(tp.queryPort(), "/api/networks/" + network + "/health", tp.steering).json();
        assertThat(current.get("month").asText()).isEqualTo(YearMonth.now().toString());
        assertThat(current.get("indicators").size()).isEqualTo(17);

        JsonNode alerts = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/alerts", tp.steering).json();
        List<String> ids = new ArrayList<>();
        alerts.forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).contains("A7");
        JsonNode dip = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/dip", tp.steering).json();
        assertThat(dip.size()).isEqualTo(current.path("month").isMissingNode() ? 0 : dip.size());
        assertThat(dip.findValuesAsText("phase")).contains("in-dip", "restart");
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/health/thermometer", tp.steering).json()
                      .get("id").asText()).isEqualTo("H13");
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/health/figure-eight", tp.steering).json()
                      .get("figures").has("matrix")).isTrue();

        YearMonth dipMonth = YearMonth.from(script.foundedOn).plusMonths(14);
        JsonNode explained = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/explain?indicator=H6&month="
                + dipMonth, tp.steering).json();
        assertThat(explained.get("events").size()).as("the drivers' events").isGreaterThanOrEqualTo(3);
        assertThat(explained.get("events").findValuesAsText("type")).contains("ContextChanged", "AccountabilityRequested");
    }

    @Test
    void thePortfolioOfAnOrganisationShowsItsNetworksWithTheirHealth() {
        JsonNode portfolio = Api.get(tp.queryPort(), "/api/portfolio?organisation=ziekenhuis%20noorderkwartier",
                                     tp.steering).json();
        JsonNode line = null;
        for (JsonNode item : portfolio) {
            if (item.get("networkId").asText().equals(network)) {
                line = item;
            }
        }
        assertThat(line).as("the demo network is in the hospital's portfolio").isNotNull();
        assertThat(line.get("participationLevel").asText()).isEqualTo("core");
        assertThat(line.get("health").get("statuses").size()).isEqualTo(17);
        assertThat(Api.get(tp.queryPort(), "/api/portfolio?organisation=ziekenhuis%20noorderkwartier",
                           tp.otherCoordinator).json().findValuesAsText("networkId")).doesNotContain(network);
    }

    @Test
    void asKnownAtShowsWhatWasBelievedBeforeALateCorrection() {
        Instant before = Instant.now();
        await().pollDelay(Duration.ofMillis(20)).until(() -> Instant.now().isAfter(before));
        LocalDate day = script.foundedOn.plusMonths(20).withDayOfMonth(12);
        JsonNode history = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.auditor).json();
        String balanceEvent = null;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("BalanceAssessed")) {
                balanceEvent = event.get("eventId").asText();
            }
        }
        String partner = Api.JSON.createObjectNode().textNode(history.findValue("partnerId").asText()).asText();
        JsonNode target = null;
        for (JsonNode event : history) {
            if (event.get("eventId").asText().equals(balanceEvent)) {
                target = event;
            }
        }
        Api.Response corrected = Api.post(tp.commandPort(), "/api/networks/" + network + "/entries/entry-corrected", """
                {"targetEventId":"%s","reason":"The insurer said unfair","replacement":{"entryType":"balance-assessed",
                 "partnerId":"%s","rating":"unfair","occurredOn":"%s"},"occurredOn":"%s"}"""
                .formatted(balanceEvent, target.get("payload").get("partnerId").asText(), day, LocalDate.now()),
                tp.coordinator);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(partner).isNotBlank();

        JsonNode compare = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/compare?date="
                + day.withDayOfMonth(day.lengthOfMonth()) + "&knownAt=" + before, tp.auditor).json();
        assertThat(compare.get("changedIndicators").toString()).contains("H4");
        assertThat(compare.get("asOf").get("alerts").findValuesAsText("id")).contains("A3");
        assertThat(compare.get("asKnownAt").get("alerts").findValuesAsText("id")).doesNotContain("A3");
        assertThat(compare.get("lateEntries").findValuesAsText("type")).contains("EntryCorrected");
        assertThat(compare.get("lateEntryCount").asInt()).isEqualTo(compare.get("lateEntries").size());
        Api.Response tooMany = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/compare?date="
                + day.withDayOfMonth(day.lengthOfMonth()) + "&knownAt=" + before + "&limit=1001", tp.auditor);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").findValuesAsText("field")).containsExactly("limit");
        awaitHealthCaughtUp();
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(tp.queryPort(), "/api/networks/" + network
                + "/health/alerts", tp.steering).json().findValuesAsText("id").contains("A3"));
    }

    private static JsonNode asJson(MonthHealth month) {
        return Api.JSON.valueToTree(tp.platform.queries().getBean(ObjectMapper.class).convertValue(month, Map.class));
    }

    /** A month as the timeline answers it: every evidence list, also those in the figures, replaced by its size. */
    private static JsonNode evidenceCounted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode counted = Api.JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("evidence") && field.getValue().isArray()) {
                    counted.put("evidenceCount", field.getValue().size());
                } else {
                    counted.set(field.getKey(), evidenceCounted(field.getValue()));
                }
            });
            return counted;
        }
        if (node.isArray()) {
            ArrayNode counted = Api.JSON.createArrayNode();
            node.forEach(item -> counted.add(evidenceCounted(item)));
            return counted;
        }
        return node;
    }

    private static List<String> explainedEvidence(String what, MonthHealth month) {
        JsonNode explained = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/explain?" + what + "&month="
                + month.month(), tp.steering).json();
        JsonNode value = explained.has("alert") ? explained.get("alert") : explained.get("indicator");
        List<String> ids = new ArrayList<>();
        value.path("evidence").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static List<MonthHealth> pureTimeline() {
        NetworkLogReader reader = tp.platform.queries().getBean(NetworkLogReader.class);
        // today as the query-service reckons it, in the platform's business zone
        return HealthModel.standard().timeline(reader.read(script.networkId, -1),
                                               LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))).months();
    }

    private static void awaitHealthCaughtUp() {
        long head = tp.head();
        StreamingEventProcessor processor = tp.platform.queries().getBean(EventProcessingConfiguration.class)
                .eventProcessor("health", StreamingEventProcessor.class).orElseThrow();
        MongoEventStorageEngine reader = tp.platform.queries().getBean(MongoEventStorageEngine.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> TestPlatform.caughtUp(processor, reader, head));
    }
}
