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

    /**
     * Every field that cannot be read is named at once: the reader stopped at the first, so a misspelt field, a level
     * of 2.7 and a date that is no date took three requests to hear of.
     */
    @Test
    void everyFieldThatCannotBeReadIsNamedAtOnce() {
        JsonNode problem = refused("nots", () -> entry("temperature-measured", """
                {"level":2.7,"occurredOn":"2024-02-31","nots":"meant as a note"}"""));
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(problem.toString()).containsExactlyInAnyOrder("level", "occurredOn", "nots");
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
        // contact details that cannot be used to reach anyone
        refused("email", () -> Api.post(tp.commandPort(), people, """
                {"name":"Jan","email":"notanemail"}""", tp.coordinator));
        refused("email", () -> Api.post(tp.commandPort(), people, """
                {"name":"Jan","email":"mailto:jan@example.org"}""", tp.coordinator));
        for (String notANumber : List.of("<script>", "+", "()", "----")) {
            refused("phone", () -> Api.post(tp.commandPort(), people, """
                    {"name":"Jan","phone":"%s"}""".formatted(notANumber), tp.coordinator));
        }
        for (String phone : List.of("+31 (0)6 1234-5678", "020 555 1234 toestel 12", "+31 20 555 1234 ext. 12",
                                    "+31\u00a06\u00a012345678", "06 12345678 (werk)")) {
            Api.Response reachable = Api.post(tp.commandPort(), people, """
                    {"name":"Jan","email":" jan.de.vries@zorg-noord.example ","phone":"%s"}""".formatted(phone),
                                              tp.coordinator);
            assertThat(reachable.status()).as(phone + ": " + reachable.body()).isEqualTo(201);
            assertThat(reachable.json().get("email").asText()).as("kept without the spaces around it")
                                                             .isEqualTo("jan.de.vries@zorg-noord.example");
        }
    }

    /**
     * A person registered under a reference the client chose is registered once: the same request again answers the
     * person with 200; the reference with other details, or in another network, is refused with 409.
     */
    @Test
    void aPersonRegisteredUnderAChosenReferenceIsRegisteredOnce() {
        String people = "/api/networks/" + network + "/people";
        String ref = java.util.UUID.randomUUID().toString();
        String body = """
                {"personRef":"%s","name":"Jet Eenmaal","email":"jet@example.org"}""".formatted(ref);
        Api.Response first = Api.post(tp.commandPort(), people, body, tp.coordinator);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("personRef").asText()).isEqualTo(ref);
        Api.Response again = Api.post(tp.commandPort(), people, body, tp.coordinator);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("personRef").asText()).isEqualTo(ref);
        Api.Response other = Api.post(tp.commandPort(), people, """
                {"personRef":"%s","name":"Jet Tweemaal"}""".formatted(ref), tp.coordinator);
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("errors").get(0).get("field").asText()).isEqualTo("personRef");
        tp.grantCoordinator(tp.networkB);
        Api.Response elsewhere = Api.post(tp.commandPort(), "/api/networks/" + tp.networkB + "/people", body,
                                          tp.coordinator);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);
        long named = 0;
        for (JsonNode person : Api.get(tp.queryPort(), people, tp.coordinator).json()) {
            named += person.path("personRef").asText().equals(ref) ? 1 : 0;
        }
        assertThat(named).isEqualTo(1);
        // once erased, the reference sent again is refused as what it is
        assertThat(Api.send("DELETE", tp.commandPort(), people + "/" + ref, null, null, tp.coordinator).status())
                .isEqualTo(204);
        Api.Response afterErasure = Api.post(tp.commandPort(), people, body, tp.coordinator);
        assertThat(afterErasure.status()).as(afterErasure.body()).isEqualTo(409);
        assertThat(afterErasure.json().get("errors").get(0).get("message").asText()).contains("since been erased");
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

    /**
     * A client that accepts no answer the API gives is refused before anything is written: the entry was logged and
     * then answered 406, so a client that retried logged it twice.
     */
    @Test
    void aWriteWhoseAnswerTheClientWillNotTakeIsNotMade() {
        String path = "/api/networks/" + network + "/entries/success-achieved";
        String body = """
                {"kind":"grant","title":"Subsidie binnen","occurredOn":"2025-01-01"}""";
        long head = tp.head();
        Api.Response xml = Api.send("POST", tp.commandPort(), path, java.net.http.HttpRequest.BodyPublishers.ofString(body),
                                    "application/json", tp.coordinator, "Accept", "application/xml");
        assertThat(xml.status()).as(xml.body()).isEqualTo(406);
        assertThat(xml.contentType()).startsWith("application/problem+json");
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
        long users = Api.get(tp.commandPort(), "/api/admin/users", tp.admin).json().size();
        Api.Response user = Api.send("POST", tp.commandPort(), "/api/admin/users", java.net.http.HttpRequest.BodyPublishers.ofString("""
                {"username":"kees.xml","displayName":"Kees","password":"a long enough passphrase"}"""),
                                     "application/json", tp.admin, "Accept", "text/html");
        assertThat(user.status()).isEqualTo(406);
        assertThat(Api.get(tp.commandPort(), "/api/admin/users", tp.admin).json().size()).as("no user made").isEqualTo(users);

        for (String refused : new String[] {"application/json;q=0", "text/html;q=1, application/json;q=0", "*/*;q=0"}) {
            Api.Response notTaken = Api.send("POST", tp.commandPort(), path, java.net.http.HttpRequest.BodyPublishers.ofString(body),
                                             "application/json", tp.coordinator, "Accept", refused);
            assertThat(notTaken.status()).as(refused + " takes no JSON").isEqualTo(406);
        }
        Api.Response unreadable = Api.send("POST", tp.commandPort(), path, java.net.http.HttpRequest.BodyPublishers.ofString(body),
                                           "application/json", tp.coordinator, "Accept", "application/json;q=abc");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).startsWith("application/problem+json");
        assertThat(unreadable.json().get("errors").get(0).get("field").asText()).isEqualTo("Accept");
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
        for (String accepted : new String[] {"application/json", "application/*", "*/*", "text/html, application/json;q=0.5"}) {
            Api.Response taken = Api.send("POST", tp.commandPort(), path, java.net.http.HttpRequest.BodyPublishers.ofString(body),
                                          "application/json", tp.coordinator, "Accept", accepted);
            assertThat(taken.status()).as(accepted + ": " + taken.body()).isEqualTo(201);
        }
    }

    /** A value of another kind than its field is refused, not turned into one: "admin": 1 made a platform admin. */
    @Test
    void aValueOfAnotherKindIsRefusedNotConverted() {
        refused("title", () -> entry("success-achieved", """
                {"kind":"grant","title":123,"occurredOn":"2025-01-01"}"""));
        refused("title", () -> entry("success-achieved", """
                {"kind":"grant","title":true,"occurredOn":"2025-01-01"}"""));
        JsonNode number = refused("rationale", () -> entry("phase-changed", """
                {"phase":"dip","rationale":12.5,"occurredOn":"2024-03-01"}"""));
        assertThat(number.get("errors").get(0).get("message").asText()).as("said as a client thinks of it")
                                                                      .isEqualTo("is not a valid text");
        JsonNode choice = refused("phase", () -> entry("phase-changed", """
                {"phase":["dip"],"occurredOn":"2024-03-01"}"""));
        assertThat(choice.get("errors").get(0).get("message").asText()).startsWith("is not a valid choice; one of: ")
                                                                      .contains("dip");
        refused("level", () -> entry("temperature-measured", """
                {"level":"2","occurredOn":"2025-01-01"}"""));
        refused("level", () -> entry("temperature-measured", """
                {"level":true,"occurredOn":"2025-01-01"}"""));
        refused("phase", () -> entry("phase-changed", """
                {"phase":3,"occurredOn":"2024-03-01"}"""));
        refused("occurredOn", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":[]}"""));
        refused("occurredOn", () -> entry("phase-changed", """
                {"phase":"dip","occurredOn":[2024,3,1]}"""));
        refused("dueOn", () -> entry("agreement-made", """
                {"agreementId":"%s","title":"Joint intake","kind":"promise","partyIds":["%s"],"dueOn":[],
                 "occurredOn":"2024-03-01"}""".formatted(java.util.UUID.randomUUID(), alpha)));
        refused("partnerId", () -> entry("partner-withdrew", """
                {"partnerId":"","reason":"merger","occurredOn":"2025-01-01"}"""));

        long users = Api.get(tp.commandPort(), "/api/admin/users", tp.admin).json().size();
        Api.Response admin = Api.post(tp.commandPort(), "/api/admin/users", """
                {"username":"kees.admin","displayName":"Kees","password":"a long enough passphrase","admin":1}""", tp.admin);
        assertThat(admin.status()).as(admin.body()).isEqualTo(400);
        assertThat(admin.json().get("errors").get(0).get("field").asText()).isEqualTo("admin");
        assertThat(Api.get(tp.commandPort(), "/api/admin/users", tp.admin).json().size()).as("no admin made").isEqualTo(users);
    }

    /**
     * An amount or quantity has at most 12 digits before the point and 4 after, in JSON and in a spreadsheet:
     * {@code 1e-10000000} is a short text whose ten million digits were written out where it was stored and read, and
     * one such contribution held the health of its networks for minutes.
     */
    @Test
    void aNumberWithMoreDigitsThanAnAmountHasIsRefusedBeforeItsDigitsAreWrittenOut() {
        for (String quantity : new String[] {"1e-10000000", "1e999999", "0.00001", "1234567890123"}) {
            JsonNode problem = refused("quantity", () -> entry("contribution-recorded", """
                    {"fromPartnerId":"%s","kind":"capacity","quantity":%s,"unit":"hours","capital":"social",
                     "status":"delivered","occurredOn":"2025-01-01"}""".formatted(alpha, quantity)));
            if (!quantity.contains("e")) {
                // (JSON reads the exponents as the doubles they round to: 0, which is not positive, and infinity)
                assertThat(problem.toString()).contains("at most 12 digits before the decimal point and 4 after");
            }
        }
        long head = tp.head();
        Api.Response imported = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports",
                java.net.http.HttpRequest.BodyPublishers.ofString("""
                        type,fromPartnerId,kind,quantity,unit,capital,status,occurredOn
                        contribution-recorded,Alpha,capacity,1e-10000000,hours,social,delivered,2025-01-01
                        temperature-measured,,,,,,,2025-01-01
                        """.replace("temperature-measured,,,,,,,", "phase-changed,,,,,,,")), "text/csv", tp.coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.body()).contains("quantity");
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
        Api.Response fits = entry("contribution-recorded", """
                {"fromPartnerId":"%s","kind":"capacity","quantity":999999999999.9999,"unit":"hours","capital":"social",
                 "status":"delivered","occurredOn":"2025-01-01"}""".formatted(alpha));
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
    }

    /** A correction's replacement without its kind is refused on the field that names the kind. */
    @Test
    void aReplacementWithoutItsKindNamesTheKindsField() {
        JsonNode problem = refused("replacement.entryType", () -> entry("entry-corrected", """
                {"targetEventId":"x","reason":"typo","replacement":{"phase":"dip","occurredOn":"2024-03-01"},
                 "occurredOn":"2024-03-01"}"""));
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is required: the kind of the entry");
        refused("replacement.entryType", () -> entry("entry-corrected", """
                {"targetEventId":"x","reason":"typo","replacement":{"entryType":"phase-chnaged","phase":"dip",
                 "occurredOn":"2024-03-01"},"occurredOn":"2024-03-01"}"""));
    }

    /**
     * An entry whose body names another network than its address is refused rather than logged in the address's
     * network without a word (a client that meant the network in its body would otherwise find its entry elsewhere);
     * in an import line and inside a correction's replacement too. Repeating the address's own id is taken.
     */
    @Test
    void aBodyNamingAnotherNetworkThanTheAddressIsRefused() {
        JsonNode problem = refused("networkId", () -> entry("temperature-measured", """
                {"networkId":"%s","level":2,"occurredOn":"2024-03-01"}""".formatted(tp.networkB)));
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("another network than the address");
        refused("networkId", () -> entry("temperature-measured", """
                {"networkId":7,"level":2,"occurredOn":"2024-03-01"}"""));
        refused("replacement.networkId", () -> entry("entry-corrected", """
                {"targetEventId":"x","reason":"typo","replacement":{"entryType":"phase-changed","phase":"dip",
                 "networkId":"%s","occurredOn":"2024-03-01"},"occurredOn":"2024-03-01"}""".formatted(tp.networkB)));
        long head = tp.head();
        Api.Response imported = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", """
                {"type":"temperature-measured","networkId":"%s","level":2,"occurredOn":"2024-03-01"}
                """.formatted(tp.networkB), "application/x-ndjson", tp.coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.json().get("errors").get(0).get("field").asText()).isEqualTo("line 1: networkId");
        assertThat(tp.head()).isEqualTo(head);

        Api.Response same = entry("temperature-measured", """
                {"networkId":"%s","level":2,"occurredOn":"2024-03-01"}""".formatted(network.toUpperCase()));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
    }

    /**
     * A history filter that fills most of the 16 KB an address may hold is answered, with its link to the next page:
     * the link repeats the address, and an answer's headers were held to 8 KB (a 500 with an empty body).
     */
    @Test
    void aLongHistoryFilterIsAnsweredWithItsLinkToTheNextPage() {
        Api.Response joined = Api.post(tp.commandPort(), "/api/networks/" + network + "/partners", """
                {"name":"Lange Lijst","partnerType":"school","participationLevel":"core","occurredOn":"2024-02-01"}""",
                                       tp.coordinator);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        tp.awaitProjections();
        String types = "&type=partner-joined".repeat(450);
        Api.Response page = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1" + types, tp.coordinator);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(page.header("Link")).as("a next page, linked").contains("rel=\"next\"");
    }

    /** A number in the address is decimal: "0x10" and "#A" were read as 16 and 10. */
    @Test
    void aNumberInTheAddressIsReadAsDecimalDigitsOnly() {
        for (String notDecimal : List.of("0x10", "%23A", "1e2")) {
            Api.Response page = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?fromSequence=" + notDecimal,
                                        tp.coordinator);
            assertThat(page.status()).as(notDecimal + ": " + page.body()).isEqualTo(400);
            assertThat(page.json().get("errors").get(0).get("field").asText()).isEqualTo("fromSequence");
        }
        assertThat(Api.get(tp.queryPort(), "/api/networks/" + network + "/events?fromSequence=010", tp.coordinator)
                      .status()).isEqualTo(200);
    }

    /** A page of the history asked from the largest sequence number is empty, not a log reported broken. */
    @Test
    void aHistoryPageFromTheLargestSequenceNumberIsEmpty() {
        for (String from : List.of("9223372036854775807", "9223372036854775800")) {
            Api.Response page = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?fromSequence=" + from,
                                        tp.coordinator);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().size()).isZero();
        }
    }

    /** A query parameter left out is named as the field it is. */
    @Test
    void aMissingQueryParameterIsNamed() {
        Api.Response asOf = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/as-of", tp.coordinator);
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(400);
        assertThat(asOf.contentType()).startsWith("application/problem+json");
        assertThat(asOf.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    }

    /**
     * A parameter that takes one value, given twice, is refused naming it (the first was taken without a word); one the
     * endpoint takes as a list may be repeated.
     */
    @Test
    void aQueryParameterGivenTwiceIsRefusedUnlessItIsAList() {
        Api.Response asOf = Api.get(tp.queryPort(), "/api/networks/" + network
                + "/health/as-of?date=2024-06-30&date=2024-12-31", tp.coordinator);
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(400);
        assertThat(asOf.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
        assertThat(asOf.json().get("errors").get(0).get("message").asText()).contains("2 times");
        Api.Response page = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=5&limit=6",
                                    tp.coordinator);
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        Api.Response kinds = Api.get(tp.queryPort(), "/api/networks/" + network
                + "/events?type=partner-joined&type=phase-changed", tp.coordinator);
        assertThat(kinds.status()).as(kinds.body()).isEqualTo(200);
        Api.Response once = Api.get(tp.queryPort(), "/api/networks/" + network + "/health/as-of?date=2024-06-30",
                                    tp.coordinator);
        assertThat(once.status()).as(once.body()).isEqualTo(200);
    }

    /** A moment without its offset is refused, not read as UTC (an hour or two off the clock of whoever typed it). */
    @Test
    void aKnownAtWithoutAnOffsetIsRefusedAndOneWithAnOffsetIsTaken() {
        String compare = "/api/networks/" + network + "/health/compare?date=2024-06-30&knownAt=";
        Api.Response bare = Api.get(tp.queryPort(), compare + "2024-07-01T12:00:00", tp.coordinator);
        assertThat(bare.status()).as(bare.body()).isEqualTo(400);
        assertThat(bare.json().get("errors").get(0).get("field").asText()).isEqualTo("knownAt");
        assertThat(bare.json().get("errors").get(0).get("message").asText()).contains("no offset");
        Api.Response offset = Api.get(tp.queryPort(), compare + "2024-07-01T13:00:00%2B01:00", tp.coordinator);
        assertThat(offset.status()).as(offset.body()).isEqualTo(200);
        Api.Response utc = Api.get(tp.queryPort(), compare + "2024-07-01T12:00:00Z", tp.coordinator);
        assertThat(utc.status()).as(utc.body()).isEqualTo(200);
    }

    /** BCrypt takes at most 72 bytes of a password: a longer one is refused on its field, not answered 500. */
    @Test
    void aPasswordLongerThanCanBeHashedIsRefusedOnItsField() {
        for (String password : new String[] {"a".repeat(73), "\u00e9".repeat(40)}) {
            Api.Response made = Api.post(tp.commandPort(), "/api/admin/users", """
                    {"username":"lang.wachtwoord","displayName":"Lang","password":"%s"}""".formatted(password), tp.admin);
            assertThat(made.status()).as(made.body()).isEqualTo(400);
            assertThat(made.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        }
        Api.Response fits = Api.post(tp.commandPort(), "/api/admin/users", """
                {"username":"lang.wachtwoord","displayName":"Lang","password":"%s"}""".formatted("a".repeat(72)), tp.admin);
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        Api.Response reset = Api.post(tp.commandPort(), "/api/admin/users/" + fits.json().get("userId").asText() + "/password",
                                      """
                {"password":"%s"}""".formatted("a".repeat(73)), tp.admin);
        assertThat(reset.status()).as(reset.body()).isEqualTo(400);
    }

    /** A password of twelve spaces is no password: refused for a new user and for a reset (it was taken, and worked). */
    @Test
    void aPasswordOfOnlySpacesIsRefused() {
        Api.Response made = Api.post(tp.commandPort(), "/api/admin/users", """
                {"username":"spatie","displayName":"Spatie","password":"%s"}""".formatted(" ".repeat(12)), tp.admin);
        assertThat(made.status()).as(made.body()).isEqualTo(400);
        assertThat(made.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        Api.Response fits = Api.post(tp.commandPort(), "/api/admin/users", """
                {"username":"spatie","displayName":"Spatie","password":"%s"}""".formatted("b".repeat(12)), tp.admin);
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        Api.Response reset = Api.post(tp.commandPort(), "/api/admin/users/" + fits.json().get("userId").asText()
                                      + "/password", """
                {"password":"%s"}""".formatted("\u00a0".repeat(14)), tp.admin);
        assertThat(reset.status()).as(reset.body()).isEqualTo(400);
    }

    /** A number too large for any figure is refused in a spreadsheet as in JSON, not stored as infinity. */
    @Test
    void aNumberTooLargeForAFigureIsRefusedInAnImportToo() {
        long head = tp.head();
        Api.Response imported = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports",
                java.net.http.HttpRequest.BodyPublishers.ofString("""
                        type,fromPartnerId,kind,quantity,unit,estimatedValueEur,capital,status,occurredOn
                        contribution-recorded,Alpha,money,1e309,EUR,1e309,economic,pledged,2025-01-01
                        """), "text/csv", tp.coordinator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.body()).contains("quantity");
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
    }
}
