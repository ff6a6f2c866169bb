package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.kernel.correction.EntryTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator logs, through the REST API, a small network history that touches every kind of entry in the
 * catalogue (src/test/resources/complete-history.jsonl), including a correction and a retraction; then a file of
 * deliberately bad entries, one per rule (bad-entries.jsonl), is refused entry by entry with the right field named
 * while the log does not change.
 */
class CatalogueEndToEndTest {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([^}]+)}}");
    private static TestPlatform tp;
    private static final Map<String, String> tokens = new HashMap<>();
    private static String network;

    @BeforeAll
    static void logCompleteHistory() throws IOException {
        tp = new TestPlatform();
        network = tp.networkA;
        for (String name : List.of("hospital", "gp", "municipality", "insurer", "agreement", "contribution",
                                   "evaluation", "action", "conflict", "meeting", "coalition")) {
            tokens.put(name, UUID.randomUUID().toString());
        }
        for (JsonNode line : lines("complete-history.jsonl")) {
            Api.Response response = post(network, line.get("type").asText(), resolve(line.get("body").toString()),
                                         tp.coordinator);
            assertThat(response.status()).as("%s: %s", line.get("type").asText(), response.body()).isEqualTo(201);
            if (line.has("as")) {
                tokens.put("event:" + line.get("as").asText(), response.json().get("eventId").asText());
            }
        }
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void theHistoryHoldsEveryKindOfEntryWithOriginalsAndTheirCorrections() {
        JsonNode events = history();
        Set<String> types = new HashSet<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        Set<String> catalogue = EntryTypes.all().stream().map(t -> t.eventClass().getSimpleName()).collect(Collectors.toSet());
        assertThat(types).as("every kind of entry was logged").isEqualTo(catalogue);

        JsonNode original = byId(events, tokens.get("event:balance"));
        assertThat(original.get("payload").get("rating").asText()).as("the original stays as it was")
                                                                   .isEqualTo("skewed-acceptable");
        JsonNode correction = ofType(events, "EntryCorrected");
        assertThat(correction.get("payload").get("targetEventId").asText()).isEqualTo(tokens.get("event:balance"));
        assertThat(correction.get("payload").get("replacement").get("rating").asText()).isEqualTo("unfair");
        assertThat(byId(events, tokens.get("event:cancellation")).get("type").asText()).isEqualTo("MeetingCancelled");
        assertThat(ofType(events, "EntryRetracted").get("payload").get("targetEventId").asText())
                .isEqualTo(tokens.get("event:cancellation"));
        assertThat(events.get(events.size() - 1).get("recordedAs").asText()).isEqualTo("coordinator");
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.auditor).json()
                      .get("intact").asBoolean()).isTrue();
    }

    @Test
    void everyReadModelShowsTheHistoryWithTheCorrectionAndRetractionApplied() {
        tp.awaitProjections();
        JsonNode partners = view("/partners");
        assertThat(partners.size()).isEqualTo(4);
        JsonNode municipality = byField(partners, "partnerId", tokens.get("municipality"));
        assertThat(municipality.get("active").asBoolean()).isFalse();
        assertThat(municipality.get("withdrawnOn").asText()).isEqualTo("2024-11-01");
        assertThat(byField(partners, "partnerId", tokens.get("insurer")).get("participationLevel").asText())
                .isEqualTo("associate");
        JsonNode hospitalBoard = byField(byField(partners, "partnerId", tokens.get("hospital")).get("representatives"),
                                         "level", "board");
        assertThat(hospitalBoard.get("currentCount").asInt()).isZero();
        assertThat(hospitalBoard.get("past").get(0).get("handover").asText()).isEqualTo("partial");

        assertThat(view("/roles").get("ended").get(0).get("role").asText()).isEqualTo("chair");
        JsonNode ambition = view("/ambition");
        assertThat(ambition.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(ambition.get("latestStances").get(0).get("stance").asText()).isEqualTo("endorses");
        assertThat(view("/interests").get(0).get("summary").asText()).isEqualTo("Fewer emergency admissions");
        JsonNode agreement = view("/agreements").get(0);
        assertThat(agreement.get("outcome").asText()).isEqualTo("kept");
        assertThat(agreement.get("open").asBoolean()).isFalse();
        assertThat(view("/contributions").get(0).get("status").asText()).isEqualTo("delivered");
        assertThat(view("/value-claims").get(0).get("evidence").asText()).startsWith("Hospital figures");

        JsonNode balance = view("/balance");
        assertThat(balance.get("latest").get(0).get("rating").asText()).as("the correction counts").isEqualTo("unfair");
        assertThat(balance.get("history").size()).as("the corrected rating replaces the original").isEqualTo(1);

        JsonNode evaluation = view("/evaluations").get(0);
        assertThat(evaluation.get("open").asBoolean()).isFalse();
        assertThat(evaluation.get("responses").get(0).get("scores").toString()).isEqualTo("[4,3,4,5,3]");
        assertThat(view("/improvement-actions").get(0).get("completed").asBoolean()).isTrue();
        assertThat(view("/temperature").get("latest").get(0).get("level").asInt()).isEqualTo(2);
        JsonNode conflict = view("/conflicts").get(0);
        assertThat(conflict.get("open").asBoolean()).isFalse();
        assertThat(conflict.get("ladderStep").asInt()).isEqualTo(3);
        JsonNode meetings = view("/meetings");
        assertThat(meetings.get("held").get(0).get("attendance").size()).isEqualTo(2);
        assertThat(meetings.get("cancellations").size()).as("the retracted cancellation no longer counts").isZero();
        JsonNode coalition = view("/sub-coalitions").get(0);
        assertThat(coalition.get("active").asBoolean()).isFalse();
        assertThat(coalition.get("memberIds").size()).isEqualTo(3);
        JsonNode context = view("/context");
        assertThat(context.get("phase").asText()).isEqualTo("exploration");
        assertThat(context.get("changes").get(0).get("direction").asText()).isEqualTo("negative");
        assertThat(context.get("accountabilityRequests").size()).isEqualTo(1);
        assertThat(context.get("regionalAnalyses").size()).isEqualTo(1);
    }

    private static JsonNode view(String path) {
        Api.Response response = Api.get(tp.queryPort(), "/api/networks/" + network + path, tp.coordinator);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }

    @Test
    void everyBadEntryIsRefusedWithItsFieldNamedAndNothingIsLogged() throws IOException {
        String other = tp.networkB;
        String otherPartner = UUID.randomUUID().toString();
        Api.Response otherJoined = post(other, "partner-joined", """
                {"partnerId":"%s","name":"Ontwikkelorganisatie Een","partnerType":"ngo","participationLevel":"core",
                 "occurredOn":"2024-02-01"}""".formatted(otherPartner), tp.otherCoordinator);
        assertThat(otherJoined.status()).isEqualTo(201);
        Map<String, String> extra = new HashMap<>(Map.of(
                "random", UUID.randomUUID().toString(), "otherPartner", otherPartner,
                "otherEvent", otherJoined.json().get("eventId").asText(),
                "future", LocalDate.now().plusDays(3).toString(), "longText", "n".repeat(2_001)));
        String openEvaluation = UUID.randomUUID().toString();
        assertThat(post(network, "evaluation-opened", """
                {"evaluationId":"%s","instrument":"five-conditions","title":"Autumn review","joint":true,
                 "occurredOn":"2024-05-01"}""".formatted(openEvaluation), tp.coordinator).status()).isEqualTo(201);
        extra.put("openEvaluation", openEvaluation);
        tokens.putAll(extra);

        long head = tp.head();
        String historyBefore = history().toString();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonNode line : lines("bad-entries.jsonl")) {
            count++;
            String body = line.has("raw") ? line.get("raw").asText() : resolve(line.get("body").toString());
            Api.Response response = post(network, line.get("type").asText(), body, tp.coordinator);
            String field = line.get("field").asText();
            List<String> fields = new ArrayList<>();
            if (response.contentType().startsWith("application/problem+json")) {
                response.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
            }
            if (response.status() != line.get("status").asInt() || !fields.contains(field)) {
                failures.add(line.get("rule").asText() + ": expected " + line.get("status").asInt() + " on " + field
                                     + ", got " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).as("bad entries answered otherwise than expected").isEmpty();
        assertThat(count).isGreaterThanOrEqualTo(35);
        assertThat(tp.head()).as("no bad entry was logged").isEqualTo(head);
        assertThat(history().toString()).isEqualTo(historyBefore);
    }

    private static Api.Response post(String networkId, String type, String body, Api.Login login) {
        return Api.post(tp.commandPort(), "/api/networks/" + networkId + "/entries/" + type, body, login);
    }

    private static JsonNode history() {
        return Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.auditor).json();
    }

    private static JsonNode byId(JsonNode events, String eventId) {
        for (JsonNode event : events) {
            if (event.get("eventId").asText().equals(eventId)) {
                return event;
            }
        }
        throw new AssertionError("no event " + eventId);
    }

    private static JsonNode ofType(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no event of type " + type);
    }

    private static String resolve(String text) {
        return resolve(text, tokens);
    }

    /** {@code text} with every {@code {{name}}} replaced by its value in {@code tokens}. */
    static String resolve(String text, Map<String, String> tokens) {
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = tokens.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("unknown token " + matcher.group(1));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The JSON objects of a JSON Lines test resource. */
    static List<JsonNode> lines(String resource) throws IOException {
        try (InputStream in = CatalogueEndToEndTest.class.getResourceAsStream("/" + resource)) {
            List<JsonNode> result = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    result.add(Api.JSON.readTree(line));
                }
            }
            return result;
        }
    }
}
