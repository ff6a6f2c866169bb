package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.kernel.network.PhaseChanged;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a coordinator sends is read strictly and only text that can be stored as sent gets in: every bad input is
 * refused over real HTTP with a 400 problem that names the field, and the log does not change.
 */
class StrictInputTest {
    private static TestPlatform tp;
    private static String network;
    private static String alpha;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
        network = tp.found("Netwerk Strikte Invoer");
        tp.grantCoordinator(network);
        Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Alpha","partnerType":"hospital","participationLevel":"core","occurredOn":"2024-01-15"}""",
                                       tp.coordinator);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        alpha = joined.json().get("subjectId").asText();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    private static Api.Response entry(String type, String body) {
        return Api.post(tp.commandPort(), "/api/networks/" + network + "/entries/" + type, body, tp.coordinator);
    }

    /** Sends the request and checks that it was refused with 400 naming {@code field}, and that nothing was logged. */
    private static JsonNode refused(String field, java.util.function.Supplier<Api.Response> request) {
        long head = tp.head();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(response.body()).contains(field);
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
        return response.json();
    }

    @Test
    void aLoneSurrogateIsRefused() {
        JsonNode problem = refused("note", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":"2024-03-01","note":"broken \\ud800 text"}"""));
        assertThat(problem.toString()).contains("unpaired UTF-16 surrogate");
    }

    @Test
    void aNulCharacterIsRefused() {
        refused("rationale", () -> entry("phase-changed", """
                {"phase":"dip","rationale":"before\\u0000after","occurredOn":"2024-03-01"}"""));
        refused("body", () -> entry("phase-changed", """
                {"phase":"dip","rationale":"raw\u0000byte","occurredOn":"2024-03-01"}"""));
    }

    @Test
    void aRightToLeftOverrideInAPartnerNameIsRefused() {
        refused("name", () -> entry("partner-joined", """
                {"name":"Beta\\u202Egnp.exe","partnerType":"gp","participationLevel":"core","occurredOn":"2024-02-01"}"""));
    }

    @Test
    void aZeroWidthLookAlikeOfAnActivePartnerIsRefused() {
        refused("name", () -> Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Alpha\\u200b","partnerType":"gp","participationLevel":"core","occurredOn":"2024-02-01"}""",
                                        tp.coordinator));
    }

    @Test
    void aDecomposedLookAlikeOfAnActivePartnerIsAConflict() {
        Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Caf\\u00e9 Noord","partnerType":"gp","participationLevel":"core","occurredOn":"2024-02-01"}""",
                 tp.coordinator);
        long head = tp.head();
        Api.Response response = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Cafe\\u0301 Noord","partnerType":"gp","participationLevel":"core","occurredOn":"2024-02-02"}""",
                                          tp.coordinator);
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonNode problem = refused("level", () -> entry("temperature-measured", """
                {"level":1,"occurredOn":"2024-03-01","level":4}"""));
        assertThat(problem.toString()).contains("more than once");
    }

    @Test
    void aKeyGivenTwiceInsideACorrectionNamesItsPlace() {
        refused("replacement.level", () -> entry("entry-corrected", """
                {"targetEventId":"x","reason":"typo","occurredOn":"2024-03-01",
                 "replacement":{"entryType":"temperature-measured","level":1,"level":2,"occurredOn":"2024-03-01"}}"""));
    }

    @Test
    void aFractionalNumberForAWholeOneIsRefused() {
        refused("level", () -> entry("temperature-measured", """
                {"level":2.7,"occurredOn":"2024-03-01"}"""));
    }

    @Test
    void aMisspeltOptionalFieldIsRefused() {
        JsonNode problem = refused("nots", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":"2024-03-01","nots":"meant as a note"}"""));
        assertThat(problem.toString()).contains("note");
    }

    @Test
    void aContributionToAMisspeltPartnerFieldIsRefusedRatherThanLoggedForTheNetwork() {
        refused("toPartnerID", () -> entry("contribution-recorded", """
                {"fromPartnerId":"%s","toPartnerID":"%s","kind":"money","quantity":10,"unit":"EUR",
                 "capital":"economic","status":"pledged","occurredOn":"2024-03-01"}""".formatted(alpha, alpha)));
    }

    @Test
    void aDateTimeWhereADateIsExpectedIsRefused() {
        refused("occurredOn", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":"2024-03-01T10:00:00"}"""));
        refused("occurredOn", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":19800}"""));
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() {
        refused("body", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":"2024-03-01"} and more"""));
        refused("body", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":"2024-03-01"}{"phase":"dip"}"""));
    }

    @Test
    void theShortcutAndFoundingBodiesAreStrictToo() {
        refused("nam", () -> Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"nam":"Gamma","partnerType":"gp","participationLevel":"core","occurredOn":"2024-02-01"}""",
                                       tp.coordinator));
        refused("foundedON", () -> Api.post(tp.commandPort(), "/api/networks", """
                {"name":"Netwerk","collaborationForm":"network","foundedOn":"2024-01-10","foundedON":"2024-01-11"}""",
                                             tp.admin));
        refused("name", () -> Api.post(tp.commandPort(), "/api/networks", """
                {"name":"Netwerk\\u0007","collaborationForm":"network","foundedOn":"2024-01-10"}""", tp.admin));
    }

    @Test
    void thePeopleDirectoryIsStrictAndRefusesControlCharacters() {
        String people = "/api/networks/" + network + "/people";
        refused("emial", () -> Api.post(tp.commandPort(), people, """
                {"name":"Jan","emial":"jan@example.org"}""", tp.coordinator));
        refused("name", () -> Api.post(tp.commandPort(), people, """
                {"name":"Jan\\u202E","email":"jan@example.org"}""", tp.coordinator));
    }

    @Test
    void aJsonLinesImportNamesTheLineAndTheFieldOfEveryStrictnessProblem() {
        long head = tp.head();
        Api.Response response = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", """
                {"type":"phase-changed","phase":"dip","occurredOn":"2024-03-01"}
                {"type":"temperature-measured","level":1,"level":3,"occurredOn":"2024-03-01"}
                {"type":"phase-changed","phase":"dip","occurredOn":"2024-03-01","nots":"x"}
                {"type":"temperature-measured","level":2.5,"occurredOn":"2024-03-01"}
                {"type":"phase-changed","phase":"dip","occurredOn":"2024-03-01"} trailing
                """, "application/x-ndjson", tp.coordinator);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(response.body()).contains("line 2: level", "line 3: nots", "line 4: level", "line 5: line");
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void aCsvImportRefusesADateTimeInADateCell() {
        long head = tp.head();
        Api.Response response = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", """
                type,phase,occurredOn
                phase-changed,dip,2024-03-01T10:00:00
                """, "text/csv", tp.coordinator);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("line 2: occurredOn");
        assertThat(tp.head()).isEqualTo(head);
    }

    /** Stored history stays readable when an event's shape loses a field: the event serializer is not strict. */
    @Test
    void theEventSerializerStillReadsStoredEventsWithFieldsItNoLongerKnows() {
        Serializer events = tp.platform.commands().getBean("eventSerializer", Serializer.class);
        String stored = """
                {"networkId":"%s","phase":"dip","occurredOn":"2024-03-01","retiredField":2.5}""".formatted(network);
        PhaseChanged read = events.deserialize(new SimpleSerializedObject<>(stored, String.class,
                                                                            PhaseChanged.class.getName(), null));
        assertThat(read.occurredOn()).hasToString("2024-03-01");
    }
}
