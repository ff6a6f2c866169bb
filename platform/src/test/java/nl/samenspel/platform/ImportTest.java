package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk import through real HTTP: a coordinator's history in JSON Lines and CSV is logged whole and reads back from the
 * query-service; a file with bad lines logs nothing and names every bad line.
 */
class ImportTest {
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    /** A fresh network the coordinator coordinates, so each test starts from its founding. */
    private static String network(String name) {
        String network = tp.found(name);
        tp.grantCoordinator(network);
        return network;
    }

    private static Api.Response importFile(String network, String body, String contentType) {
        return Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports", body, contentType,
                        tp.coordinator);
    }

    @Test
    void aJsonLinesFileAndACsvFileTogetherLogAHistoryThatReadsBack() {
        String network = network("Zorgnetwerk Lindewaard");
        String gemeente = UUID.randomUUID().toString();
        String ziekenhuis = UUID.randomUUID().toString();
        String woonstichting = UUID.randomUUID().toString();
        String agreement = UUID.randomUUID().toString();
        String evaluation = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        String jsonLines = """
                {"type":"partner-joined","partnerId":"%1$s","name":"Gemeente Lindewaard","partnerType":"municipality","participationLevel":"core","motives":["moral"],"occurredOn":"2024-02-01"}
                {"type":"partner-joined","partnerId":"%2$s","name":"Ziekenhuis De Waardpoort","partnerType":"hospital","participationLevel":"core","occurredOn":"2024-02-01"}

                {"type":"partner-joined","partnerId":"%3$s","name":"Woonstichting Het Lindehof","partnerType":"housing association","participationLevel":"participant","occurredOn":"2024-02-15","source":"minutes"}
                {"type":"representative-appointed","partnerId":"%1$s","personRef":"%6$s","level":"management","role":"Head of social domain","occurredOn":"2024-02-20"}
                {"type":"ambition-stated","version":1,"statement":"Older residents live safely at home for longer","occurredOn":"2024-04-10"}
                {"type":"ambition-endorsed","partnerId":"%3$s","level":"board","ambitionVersion":1,"stance":"doubts","occurredOn":"2024-05-02"}
                {"type":"agreement-made","agreementId":"%4$s","title":"Shared intake","kind":"rule","ruleTheme":"information-sharing","partyIds":["%1$s","%2$s"],"occurredOn":"2024-06-12"}
                {"type":"contribution-recorded","fromPartnerId":"%1$s","kind":"money","quantity":25000,"unit":"EUR","capital":"economic","status":"pledged","occurredOn":"2024-06-12"}
                {"type":"evaluation-opened","evaluationId":"%5$s","instrument":"five-conditions","title":"Annual review 2024","joint":true,"occurredOn":"2024-11-01"}
                """.formatted(gemeente, ziekenhuis, woonstichting, agreement, evaluation, person);
        String csv = """
                type,agreementId,outcome,responsiblePartnerId,evaluationId,respondentPartnerId,level,anonymous,scores,kind,modality,purpose,attendance,pair,signals,partyIds,issue,title,occurredOn,note
                agreement-outcome-recorded,%4$s,kept,%1$s,,,,,,,,,,,,,,,2025-01-20,
                evaluation-response-recorded,,,,%5$s,%3$s,management,false,4;3;4;2;3,,,,,,,,,,2024-11-20,"Slow on budgets, otherwise fine"
                meeting-held,,,,,,,,,formal,hybrid,"Steering group: budget 2025",%1$s:board;%2$s:management,,,,,,2025-01-14,
                temperature-measured,,,,,,2,,,,,,,%2$s;%3$s,guardedness;avoided-topics,,,,2025-03-05,
                conflict-registered,,,,,,,,,,,,,,,%2$s;%3$s,Who pays for the night shift,,2025-03-10,
                success-achieved,,,,,,,,,grant,,,,,,,,Regional grant for the night desk,2025-06-20,
                """.formatted(gemeente, ziekenhuis, woonstichting, agreement, evaluation);
        long head = tp.head();

        Api.Response first = importFile(network, jsonLines, "application/x-ndjson");
        Api.Response second = importFile(network, csv, "text/csv; charset=utf-8");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(first.json().get("logged").asInt()).isEqualTo(9);
        assertThat(second.json().get("logged").asInt()).isEqualTo(6);
        assertThat(tp.head()).isEqualTo(head + 15);
        assertThat(first.json().get("lines").findValuesAsText("line"))
                .containsExactly("1", "2", "4", "5", "6", "7", "8", "9", "10");
        assertThat(second.json().get("lines").findValuesAsText("line")).containsExactly("2", "3", "4", "5", "6", "7");
        List<String> eventIds = new ArrayList<>();
        first.json().get("eventIds").forEach(id -> eventIds.add(id.asText()));
        second.json().get("eventIds").forEach(id -> eventIds.add(id.asText()));

        JsonNode history = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.coordinator).json();
        Map<String, JsonNode> byEventId = new HashMap<>();
        history.forEach(event -> byEventId.put(event.get("eventId").asText(), event));
        assertThat(byEventId.keySet()).containsAll(eventIds);
        Set<String> types = new TreeSet<>();
        for (String eventId : eventIds) {
            JsonNode event = byEventId.get(eventId);
            types.add(event.get("type").asText());
            assertThat(event.path("recordedAs").asText()).as(event.toString()).isEqualTo("coordinator");
        }
        assertThat(types).hasSizeGreaterThanOrEqualTo(8).contains("PartnerJoined", "AgreementMade", "MeetingHeld",
                "EvaluationResponseRecorded", "TemperatureMeasured", "ConflictRegistered", "SuccessAchieved");

        JsonNode meeting = byEventId.get(eventIds.get(11)).get("payload");
        assertThat(meeting.get("attendance").findValuesAsText("partnerId")).containsExactly(gemeente, ziekenhuis);
        assertThat(meeting.get("attendance").findValuesAsText("level")).containsExactly("board", "management");
        assertThat(meeting.get("source").asText()).as("an entry without a source was imported").isEqualTo("import");
        JsonNode response = byEventId.get(eventIds.get(10)).get("payload");
        assertThat(response.get("scores").toString()).isEqualTo("[4,3,4,2,3]");
        assertThat(response.get("note").asText()).isEqualTo("Slow on budgets, otherwise fine");
        assertThat(byEventId.get(eventIds.get(2)).get("payload").get("source").asText()).isEqualTo("minutes");

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(tp.queryPort(), "/api/networks/" + network,
                tp.coordinator).json().get("partners").size() == 3);
        JsonNode integrity = Api.get(tp.queryPort(), "/api/networks/" + network + "/integrity", tp.coordinator).json();
        assertThat(integrity.get("intact").asBoolean()).isTrue();
    }

    @Test
    void aFileWithBadLinesLogsNothingAndNamesEveryBadLineWithItsField() {
        String network = network("Alliantie Waardland");
        String partner = UUID.randomUUID().toString();
        String jsonLines = """
                {"type":"partner-joined","partnerId":"%1$s","name":"Stichting Welzijn Lindewaard","partnerType":"welfare","participationLevel":"core","occurredOn":"2024-02-01"}
                {"type":"agreement-made","title":"Joint intake","kind":"promise","partyIds":["%1$s","%2$s"],"occurredOn":"2024-03-01"}
                {"type":"success-achieved","kind":"grant","title":"Grant",
                {"type":"meeting-minutes","occurredOn":"2024-03-02"}
                {"type":"temperature-measured","level":"hot","occurredOn":"2024-03-03"}
                {"type":"success-achieved","kind":"milestone","title":"First plan","occurredOn":"2024-03-04"}
                {"type":"partner-joined","name":"stichting welzijn lindewaard","partnerType":"welfare","participationLevel":"core","occurredOn":"2024-03-05"}
                {"type":"success-achieved","kind":"milestone","title":"Before founding","occurredOn":"2023-12-31"}
                """.formatted(partner, UUID.randomUUID());
        long head = tp.head();

        Api.Response refused = importFile(network, jsonLines, "application/x-ndjson");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(tp.head()).as("nothing was logged").isEqualTo(head);
        JsonNode lines = refused.json().get("lines");
        assertThat(lines.findValuesAsText("line")).containsExactly("2", "3", "4", "5", "7", "8");
        assertThat(field(lines, 0)).isEqualTo("partyIds[1]");
        assertThat(field(lines, 1)).isEqualTo("line");
        assertThat(field(lines, 2)).isEqualTo("type");
        assertThat(field(lines, 3)).isEqualTo("level");
        assertThat(field(lines, 4)).isEqualTo("name");
        assertThat(field(lines, 5)).isEqualTo("occurredOn");
        assertThat(lines.get(0).get("type").asText()).isEqualTo("agreement-made");
        assertThat(lines.get(2).get("type").asText()).isEqualTo("meeting-minutes");
        assertThat(lines.get(4).get("problem").asText()).isEqualTo("conflict");
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("line 2: partyIds[1]", "line 8: occurredOn");

        String csv = """
                type,partnerId,name,partnerType,participationLevel,kind,title,partyIds,occurredOn
                partner-joined,%1$s,Gemeente Waardland,municipality,core,,,,2024-02-01
                agreement-made,,,,,promise,Joint intake,%1$s;not-a-uuid,2024-03-01
                success-achieved,,,,,grant,,,2024-03-02
                """.formatted(partner);
        Api.Response refusedCsv = importFile(network, csv, "text/csv");
        assertThat(refusedCsv.status()).as(refusedCsv.body()).isEqualTo(400);
        assertThat(tp.head()).isEqualTo(head);
        assertThat(refusedCsv.json().get("lines").findValuesAsText("line")).containsExactly("3", "4");
        assertThat(field(refusedCsv.json().get("lines"), 0)).isEqualTo("partyIds[1]");
        assertThat(field(refusedCsv.json().get("lines"), 1)).isEqualTo("title");
    }

    @Test
    void aSpreadsheetNamesPartnersByTheirNamesAndEachIsLoggedWithTheIdOfThePartnerItMeantOnThatDate() {
        String network = network("Zorgnetwerk Waardstad");
        // A partner of the network, one that left and a namesake that joined later, all named by name from here on.
        Api.Response before = importFile(network, """
                {"type":"partner-joined","name":"Gemeente Waardstad","partnerType":"municipality","participationLevel":"core","occurredOn":"2024-01-15"}
                {"type":"partner-joined","name":"Thuiszorg Oud","partnerType":"home care","participationLevel":"core","occurredOn":"2024-01-15"}
                {"type":"partner-withdrew","partnerId":"thuiszorg oud","reason":"merged","occurredOn":"2024-06-01"}
                {"type":"partner-joined","name":"Thuiszorg Oud","partnerType":"home care","participationLevel":"participant","occurredOn":"2024-08-01"}
                """, "application/x-ndjson");
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        JsonNode created = before.json().get("lines");
        String gemeente = created.get(0).get("subjectId").asText();
        String firstThuiszorg = created.get(1).get("subjectId").asText();
        String secondThuiszorg = created.get(3).get("subjectId").asText();
        assertThat(firstThuiszorg).isNotEqualTo(secondThuiszorg);

        String csv = """
                type,name,partnerType,participationLevel,kind,title,partyIds,fromPartnerId,quantity,unit,capital,status,modality,purpose,attendance,occurredOn
                partner-joined,Huisartsen Waard,gp cooperative,core,,,,,,,,,,,,2024-02-01
                agreement-made,,,,promise,Joint intake,GEMEENTE WAARDSTAD;Huisartsen Waard,,,,,,,,,2024-03-01
                contribution-recorded,,,,money,,,Thuiszorg Oud,500,EUR,economic,delivered,,,,2024-04-01
                contribution-recorded,,,,money,,,  thuiszorg oud ,700,EUR,economic,delivered,,,,2024-09-01
                meeting-held,,,,formal,,,,,,,,in-person,Steering group,Gemeente Waardstad:board;Huisartsen Waard:management,2024-03-10
                """;
        Api.Response imported = importFile(network, csv, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String huisartsen = imported.json().get("lines").get(0).get("subjectId").asText();
        List<String> eventIds = imported.json().get("lines").findValuesAsText("eventId");
        JsonNode history = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?limit=1000", tp.coordinator).json();
        Map<String, JsonNode> payloads = new HashMap<>();
        history.forEach(event -> payloads.put(event.get("eventId").asText(), event.get("payload")));
        assertThat(payloads.get(eventIds.get(1)).get("partyIds").toString())
                .isEqualTo("[\"" + gemeente + "\",\"" + huisartsen + "\"]");
        assertThat(payloads.get(eventIds.get(2)).get("fromPartnerId").asText()).as("the one active in April")
                .isEqualTo(firstThuiszorg);
        assertThat(payloads.get(eventIds.get(3)).get("fromPartnerId").asText()).as("the namesake active in September")
                .isEqualTo(secondThuiszorg);
        assertThat(payloads.get(eventIds.get(4)).get("attendance").findValuesAsText("partnerId"))
                .containsExactly(gemeente, huisartsen);

        // A name no partner has, and one that two partners had on no date that tells them apart, are refused beside
        // their field, and nothing is logged.
        long head = tp.head();
        Api.Response refused = importFile(network, """
                type,kind,title,partyIds,occurredOn
                agreement-made,promise,Shared desk,Gemeente Waardstad;Gemeente Noord,2024-05-01
                agreement-made,promise,Old desk,Gemeente Waardstad;Thuiszorg Oud,2023-05-01
                """, "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(tp.head()).isEqualTo(head);
        JsonNode lines = refused.json().get("lines");
        assertThat(field(lines, 0)).isEqualTo("partyIds[1]");
        assertThat(lines.get(0).get("errors").get(0).get("message").asText())
                .isEqualTo("no partner is called \"Gemeente Noord\" in this network or in the lines above; write the "
                           + "name as the partner list shows it, or the partner's id");
        assertThat(field(lines, 1)).isEqualTo("partyIds[1]");
        assertThat(lines.get(1).get("errors").get(0).get("message").asText())
                .isEqualTo("more than one partner is called \"Thuiszorg Oud\"; give the partner's id");

        // A row whose name names nobody is told in the same round what the rules find wrong with it besides: its
        // other party had not joined yet on its date, which was said only once the name was put right.
        Api.Response twice = importFile(network, """
                type,kind,title,partyIds,occurredOn
                agreement-made,promise,Early desk,Gemeente Waardstad;Gemeente Noord,2024-01-12
                """, "text/csv");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(tp.head()).isEqualTo(head);
        JsonNode errors = twice.json().get("lines").get(0).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("partyIds[1]", "partyIds[0]");
        assertThat(errors.get(1).get("message").asText()).isEqualTo("partner Gemeente Waardstad only joined on 2024-01-15");
    }

    @Test
    void aPartnerOfANetworkWhoseLogHasASnapshotIsFoundByName() {
        String network = network("Zorgnetwerk Lange Adem");
        StringBuilder history = new StringBuilder("""
                {"type":"partner-joined","name":"Gemeente Langeveld","partnerType":"municipality","participationLevel":"core","occurredOn":"2024-01-15"}
                """);
        for (int i = 0; i < 150; i++) {
            history.append("{\"type\":\"success-achieved\",\"kind\":\"milestone\",\"title\":\"Step ").append(i)
                   .append("\",\"occurredOn\":\"2024-03-01\"}\n");
        }
        Api.Response prefilled = importFile(network, history.toString(), "application/x-ndjson");
        assertThat(prefilled.status()).as(prefilled.body()).isEqualTo(201);
        String gemeente = prefilled.json().get("lines").get(0).get("subjectId").asText();
        // A log this long is stored with a snapshot of the network; the partner joined before it.
        try (MongoClient client = MongoClients.create(tp.store.uri("samenspel-it"))) {
            MongoCollection<Document> snapshots = client.getDatabase("samenspel-it").getCollection("snapshots");
            await().atMost(Duration.ofSeconds(20)).until(() -> snapshots.countDocuments(Filters.eq("_id", network)) > 0);
        }

        Api.Response named = importFile(network, """
                type,kind,title,partyIds,occurredOn
                agreement-made,promise,Long-standing desk,gemeente langeveld,2024-05-01
                """, "text/csv");
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        JsonNode history2 = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?type=agreement-made",
                                    tp.coordinator).json();
        assertThat(history2.get(0).get("payload").get("partyIds").get(0).asText()).isEqualTo(gemeente);
    }

    /**
     * A spreadsheet names people as people do: by name. The log names them by reference only (their names are kept
     * apart, to be corrected and erased), yet "Jan de Vries" in a personRef cell was logged as it stood, for good. A
     * name the network's people directory holds is logged as that person's reference; a name it does not hold is
     * refused, saying to add the person first; a reference of the file's own (P-0012) is kept. The API refuses a name
     * in personRef too.
     */
    @Test
    void peopleNamedByNameAreLoggedByTheirReferenceAndANameTheDirectoryDoesNotHoldIsRefused() {
        String network = network("Bouwteam Namen");
        Api.Response anouk = Api.post(tp.commandPort(), "/api/networks/" + network + "/people",
                                      "{\"name\":\"Anouk Zwart\"}", tp.coordinator);
        assertThat(anouk.status()).as(anouk.body()).isIn(200, 201);
        String anoukRef = anouk.json().get("personRef").asText();
        String joined = """
                type,partnerId,name,partnerType,participationLevel,personRef,level,role,occurredOn
                partner-joined,,Gemeente Havenstad,municipality,core,,,,2024-02-01
                """;
        assertThat(importFile(network, joined, "text/csv").status()).isEqualTo(201);

        long head = tp.head();
        Api.Response refused = importFile(network, """
                type,partnerId,personRef,level,role,occurredOn
                representative-appointed,Gemeente Havenstad,anouk  zwart,board,Wethouder,2024-03-01
                representative-appointed,Gemeente Havenstad,Jan de Vries,management,Projectleider,2024-03-01
                """, "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(tp.head()).as("nothing logged").isEqualTo(head);
        JsonNode lines = refused.json().get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(field(lines, 0)).isEqualTo("personRef");
        assertThat(lines.get(0).get("errors").get(0).get("message").asText()).startsWith("is a name");

        Api.Response imported = importFile(network, """
                type,partnerId,personRef,level,role,occurredOn
                representative-appointed,Gemeente Havenstad,anouk  zwart,board,Wethouder,2024-03-01
                representative-appointed,Gemeente Havenstad,P-0012,management,Projectleider,2024-03-01
                """, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode history = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?type=representative-appointed",
                                   tp.coordinator).json();
        assertThat(history.findValuesAsText("personRef")).containsExactlyInAnyOrder(anoukRef, "P-0012");

        Api.Response named = Api.post(tp.commandPort(), "/api/networks/" + network + "/entries/representative-appointed",
                """
                {"partnerId":"%s","personRef":"Jan de Vries","level":"professional","occurredOn":"2024-03-02"}"""
                .formatted(history.get(0).path("payload").path("partnerId").asText()), tp.coordinator);
        assertThat(named.status()).as(named.body()).isEqualTo(400);
        assertThat(named.json().get("errors").get(0).get("field").asText()).isEqualTo("personRef");
    }

    /**
     * Rows that belong together in a spreadsheet (an agreement and its outcome, an evaluation and its responses) name
     * what the first creates by a key of the sheet's own ("AFS-01"): ids had to be UUIDs, which no spreadsheet makes,
     * so an agreement and its outcome could not be imported in one file. A key stands for the same id in every file
     * imported into the network.
     */
    @Test
    void rowsThatBelongTogetherNameWhatTheFirstCreatesByAKeyOfTheSheetsOwn() {
        String network = network("Bouwteam Sleutels");
        Api.Response imported = importFile(network, """
                type,partnerId,name,partnerType,participationLevel,agreementId,title,kind,partyIds,outcome,responsiblePartnerId,occurredOn
                partner-joined,,Gemeente Havenstad,municipality,core,,,,,,,2024-02-01
                partner-joined,,Aannemer Kade,contractor,core,,,,,,,2024-02-01
                agreement-made,,,,,AFS-01,Weekly site walk,promise,Gemeente Havenstad;Aannemer Kade,,,2024-03-01
                agreement-outcome-recorded,,,,,AFS-01,,,,kept,Aannemer Kade,2024-04-01
                """, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode made = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?type=agreement-made",
                                tp.coordinator).json();
        JsonNode outcome = Api.get(tp.queryPort(), "/api/networks/" + network + "/events?type=agreement-outcome-recorded",
                                   tp.coordinator).json();
        String id = made.get(0).path("payload").path("agreementId").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(outcome.get(0).path("payload").path("agreementId").asText()).isEqualTo(id);

        // A row that names what a refused row creates says so, rather than that no such agreement exists.
        assertThat(refusedWithItsOutcome(network, "agreement-made,AFS-02,Night shift,promise,"
                + "Gemeente Havenstad;Gemeente Noord,,,2024-03-05", "AFS-02")).containsExactly("partyIds[1]");

        // a later file names the same agreement by the same key
        Api.Response later = importFile(network, """
                type,agreementId,outcome,responsiblePartnerId,occurredOn
                agreement-outcome-recorded,AFS-01,broken,Gemeente Havenstad,2024-05-01
                """, "text/csv");
        assertThat(later.status()).as(later.body()).isEqualTo(201);
    }

    /**
     * A row with a partner the network does not have and a date that is no date is told both at once: it was told the
     * partner, and once that was put right, the date, so a coordinator sent a file again for every kind of mistake in
     * one row. And a row that names what a row refused cell by cell creates is told so, as for a row refused by the
     * rules: it was told that no such agreement exists.
     */
    @Test
    void aRowIsToldEveryMistakeOfItsCellsAndNamesAtOnce() {
        String network = network("Bouwteam Rondes");
        Api.Response joined = importFile(network, """
                type,name,partnerType,participationLevel,occurredOn
                partner-joined,Gemeente Havenstad,municipality,core,2024-02-01
                """, "text/csv");
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);

        // a cell filled that the kind has no field for is a mistake of the cell, found while the file is read
        assertThat(refusedWithItsOutcome(network, "agreement-made,AFS-08,Night shift,promise,Gemeente Zuid,kept,,2024-03-05",
                                         "AFS-08")).containsExactlyInAnyOrder("outcome", "partyIds[0]");

        // a partner the network does not have and a date that is no date, which only reading the entry finds
        assertThat(refusedWithItsOutcome(network, "agreement-made,AFS-07,Night shift,promise,"
                + "Gemeente Havenstad;Gemeente Noord,,,2024-13-45", "AFS-07"))
                .containsExactlyInAnyOrder("partyIds[1]", "occurredOn");
    }

    /**
     * Imports {@code agreementRow} and an outcome naming its agreement by {@code key}: both refused, the outcome told
     * that the row it names is. Answers the fields the agreement row is refused for.
     */
    private static List<String> refusedWithItsOutcome(String network, String agreementRow, String key) {
        Api.Response refused = importFile(network, """
                type,agreementId,title,kind,partyIds,outcome,responsiblePartnerId,occurredOn
                %s
                agreement-outcome-recorded,%s,,,,kept,Gemeente Havenstad,2024-04-05
                """.formatted(agreementRow, key), "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode lines = refused.json().get("lines");
        assertThat(lines).as(refused.body()).hasSize(2);
        assertThat(lines.get(1).get("errors").findValuesAsText("field")).containsExactly("agreementId");
        assertThat(lines.get(1).get("errors").get(0).get("message").asText())
                .isEqualTo("names what line 2 creates, and line 2 is refused; put that line right first");
        return lines.get(0).get("errors").findValuesAsText("field");
    }

    @Test
    void sendingTheSameFileAgainLogsNothingNew() {
        String network = network("Leerwerkverbond Waardland");
        String csv = """
                type,kind,title,occurredOn
                success-achieved,milestone,Covenant signed,2024-03-01
                success-achieved,grant,Regional grant,2024-04-01
                """;
        Api.Response first = importFile(network, csv, "text/csv");
        long head = tp.head();
        Api.Response again = importFile(network, csv, "text/csv");

        assertThat(again.status()).isEqualTo(201);
        assertThat(tp.head()).isEqualTo(head);
        assertThat(again.json().get("logged").asInt()).isZero();
        assertThat(again.json().get("lines").findValuesAsText("eventId"))
                .isEqualTo(first.json().get("lines").findValuesAsText("eventId"));
        assertThat(again.json().get("lines").findValuesAsText("replayed")).containsOnly("true");
    }

    /**
     * A spreadsheet kept up to date and imported again logs only its new rows: saved with other line endings, its
     * columns in another order, a row added between the others. Every row was logged again before unless the file's
     * bytes were the same. Two identical rows of one file stay two entries.
     */
    @Test
    void aSheetImportedAgainWithRowsAddedLogsOnlyTheNewRows() {
        String network = network("Leerwerkverbond Bijgewerkt");
        String first = """
                type,kind,title,occurredOn
                success-achieved,milestone,Covenant signed,2024-03-01
                success-achieved,grant,Regional grant,2024-04-01
                success-achieved,grant,Regional grant,2024-04-01
                """;
        Api.Response logged = importFile(network, first, "text/csv");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("logged").asInt()).as("two identical rows are two entries").isEqualTo(3);

        long head = tp.head();
        Api.Response crlf = importFile(network, first.replace("\n", "\r\n") + "\r\n", "text/csv");
        assertThat(crlf.json().get("logged").asInt()).as("the same sheet saved with other line endings").isZero();
        assertThat(tp.head()).isEqualTo(head);

        String updated = """
                title,occurredOn,type,kind
                Covenant signed,2024-03-01,success-achieved,milestone
                Partners' day,2024-03-15,success-achieved,milestone
                Regional grant,2024-04-01,success-achieved,grant
                Regional grant,2024-04-01,success-achieved,grant
                """;
        Api.Response again = importFile(network, updated, "text/csv");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("logged").asInt()).as("only the row added").isEqualTo(1);
        assertThat(again.json().get("lines").findValuesAsText("replayed")).containsExactly("true", "false", "true", "true");
        assertThat(tp.head()).isEqualTo(head + 1);
    }

    /**
     * A file whose first row lets a partner join and whose later rows name it, sent again, logs nothing new: the later
     * rows were refused because "more than one partner is called" the partner, counted once from the log and once
     * from the file.
     */
    @Test
    void aFileThatLetsAPartnerJoinAndNamesItIsLoggedOnceWhenSentAgain() {
        String network = network("Waterschap Twee Keer");
        String csv = """
                type,name,partnerType,participationLevel,fromPartnerId,kind,quantity,unit,capital,status,occurredOn
                partner-joined,Waterschap Amstel,water board,core,,,,,,,2024-02-01
                contribution-recorded,,,,Waterschap Amstel,money,500,EUR,economic,delivered,2024-03-01
                """;
        Api.Response first = importFile(network, csv, "text/csv");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long head = tp.head();
        Api.Response again = importFile(network, csv, "text/csv");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("logged").asInt()).isZero();
        assertThat(again.json().get("lines").findValuesAsText("replayed")).containsExactly("true", "true");
        assertThat(tp.head()).isEqualTo(head);
    }

    /**
     * A column named in another case is the field of that name; one no kind has is said with the nearest field's name,
     * together with the mistakes of the rows (read without it): the rows' mistakes came only once the header was put
     * right, in a second round.
     */
    @Test
    void aHeaderInAnotherCaseIsReadAndAnUnknownColumnIsSaidWithItsNearestFieldAndTheRowsMistakes() {
        String network = network("Kolommen Waardland");
        long head = tp.head();
        Api.Response refused = importFile(network, """
                Type,Title,Kind,OccurredOn,notes
                success-achieved,Plan,milestone,2024-03-01,First
                success-achieved,Plan B,milestone,2024-13-01,Second
                """, "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(tp.head()).isEqualTo(head);
        JsonNode lines = refused.json().get("lines");
        assertThat(lines.findValuesAsText("line")).containsExactly("1", "3");
        assertThat(lines.get(0).get("errors").get(0).get("field").asText()).isEqualTo("notes");
        assertThat(lines.get(0).get("errors").get(0).get("message").asText())
                .isEqualTo("is not a field of any kind of entry; did you mean note?");
        assertThat(lines.get(1).get("errors").findValuesAsText("field")).containsExactly("occurredOn");

        Api.Response logged = importFile(network, """
                Type,Title,Kind,OccurredOn,Note
                success-achieved,Plan,milestone,2024-03-01,First
                """, "text/csv");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    }

    @Test
    void aDryRunChecksTheFileAndLogsNothing() {
        String network = network("Bouwteam Lindehof");
        long head = tp.head();
        Api.Response checked = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports?dryRun=true",
                "{\"type\":\"success-achieved\",\"kind\":\"milestone\",\"title\":\"Plan\",\"occurredOn\":\"2024-03-01\"}",
                "application/x-ndjson", tp.coordinator);

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().get("checkOnly").asBoolean()).isTrue();
        assertThat(checked.json().get("logged").asInt()).isZero();
        // each line with its entry as it would be logged, defaults filled in, to be shown before logging
        JsonNode entry = checked.json().get("lines").get(0).get("entry");
        assertThat(entry.get("title").asText()).isEqualTo("Plan");
        assertThat(entry.get("occurredOn").asText()).isEqualTo("2024-03-01");
        assertThat(entry.get("source").asText()).isEqualTo("import");
        assertThat(tp.head()).isEqualTo(head);
        // a file logged carries no entries back: its lines have event ids instead
        Api.Response logged = Api.send("POST", tp.commandPort(), "/api/networks/" + network + "/imports",
                "{\"type\":\"success-achieved\",\"kind\":\"milestone\",\"title\":\"Plan\",\"occurredOn\":\"2024-03-01\"}",
                "application/x-ndjson", tp.coordinator);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("lines").get(0).has("entry")).isFalse();
    }

    @Test
    void moreThanFiveThousandEntriesAreRefusedAsAWhole() {
        String network = network("Programma Waardland");
        StringBuilder csv = new StringBuilder("type,kind,title,occurredOn\n");
        for (int i = 0; i < 5_001; i++) {
            csv.append("success-achieved,milestone,Step ").append(i).append(",2024-03-01\n");
        }
        long head = tp.head();

        Api.Response refused = importFile(network, csv.toString(), "text/csv");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(refused.json().get("detail").asText()).contains("5001 entries").contains("at most 5000");
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAlsoWhenItsLengthIsNotAnnounced() {
        byte[] big = ("type,kind,title,occurredOn\n" + "x".repeat(1_100_000)).getBytes();
        long head = tp.head();

        Api.Response refused = Api.send("POST", tp.commandPort(), "/api/networks/" + tp.networkA + "/imports",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "text/csv", tp.coordinator);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(tp.head()).isEqualTo(head);
    }

    @Test
    void anotherFormatIsRefusedWithTheFormatsThereAre() {
        Api.Response refused = importFile(tp.networkA, "<entries/>", "application/xml");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
        assertThat(refused.header("Accept")).contains("application/x-ndjson").contains("text/csv");
    }

    private static String field(JsonNode lines, int index) {
        return lines.get(index).get("errors").get(0).get("field").asText();
    }
}
