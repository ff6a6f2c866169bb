package nl.samenspel.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.query.RunningQueryService;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health views over HTTP against the embedded MongoDB wire server: what explain shows to whom (steering gets the
 * fields a figure counts, never free text; nobody gets an anonymous answer), explain of an alert with the corrections
 * and retractions applied, and the bounds of "as of" and "compare".
 */
class HealthViewsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String DATABASE = "health-it";
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID EVALUATION = UUID.randomUUID();
    private static final String PHONE = "06-12345678";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningQueryService service;
    private static ConfigurableApplicationContext app;
    private static List<String> eventIds;

    @BeforeAll
    static void start() {
        service = new RunningQueryService(DATABASE, NETWORK);
        app = service.app();
        eventIds = service.eventIds();
        UserStore users = app.getBean(UserStore.class);
        for (NetworkRole role : NetworkRole.values()) {
            UserAccount account = users.create(role.wireName(), role.wireName(), PASSWORD, false);
            users.grant(account.userId(), NETWORK, role);
        }
        append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));                                      // 0
        append(joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));              // 1
        append(joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2024-02-01"));                    // 2
        append(joined(SCHOOL, "ROC Noord", ParticipationLevel.PARTICIPANT, "2024-02-02"));                // 3
        append(new BalanceAssessed(NETWORK, TOWN, BalanceRating.UNFAIR, day("2024-09-15"), null,
                                   "Call the alderman on " + PHONE));                                      // 4
        append(evaluation(EVALUATION, Instrument.FIVE_CONDITIONS, "2024-10-01"));                         // 5
        append(response(EVALUATION, HOSPITAL, Level.BOARD, false, List.of(4, 4, 3, 2, 5), "good start",
                        "2024-10-02"));                                                                    // 6
        append(response(EVALUATION, SCHOOL, Level.PROFESSIONAL, true, List.of(1, 1, 1, 1, 1), "we feel unheard",
                        "2024-10-02"));                                                                    // 7
        append(response(EVALUATION, TOWN, Level.MANAGEMENT, true, List.of(2, 2, 2, 2, 2), null, "2024-10-03")); // 8
        append(new ContextChanged(NETWORK, ContextKind.FUNDING, TOWN, Direction.NEGATIVE, "Budget cut by the council",
                                  day("2024-10-27"), null, "Ask Jan Jansen, " + PHONE));                  // 9
        append(meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD),
                       new Attendance(TOWN, Level.BOARD)), "2024-10-25"));                                // 10
        append(corrected(eventIds.get(4), new BalanceAssessed(NETWORK, TOWN, BalanceRating.UNFAIR, day("2024-09-16"),
                                                               null, "Moved a day"), "2024-11-02"));      // 11
        append(retracted(eventIds.get(10), "2024-11-03"));                                                // 12
        append(corrected(eventIds.get(4), new BalanceAssessed(NETWORK, TOWN, BalanceRating.BALANCED, day("2024-09-16"),
                                                               null, "Second thoughts"), "2024-11-04"));  // 13
        append(retracted(eventIds.get(13), "2024-11-05"));                                                // 14
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Document network = app.getBean(MongoTemplate.class).getCollection(HealthStore.NETWORKS)
                                  .find(new Document("_id", NETWORK.toString())).first();
            return network != null && network.get("lastSequence", Number.class).longValue() == eventIds.size() - 1;
        });
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void explainNeverShowsAnAnonymousAnswerNorLetsTwoOfThemBeReadOff() {
        for (String user : List.of("coordinator", "auditor", "steering")) {
            Response explained = get("/health/explain?indicator=H1&month=2024-10", user);
            assertThat(explained.status()).isEqualTo(200);
            assertThat(explained.body()).as(user).doesNotContain("we feel unheard").doesNotContain(SCHOOL.toString())
                                        .doesNotContain(eventIds.get(7)).doesNotContain(eventIds.get(8));
            JsonNode h1 = explained.json().get("indicator").get("figures");
            assertThat(h1.get("ambition.min").asInt()).as("only the named answer is summarised").isEqualTo(4);
            assertThat(h1.get("anonymousWithheld").asInt()).isEqualTo(2);
        }
        String timeline = get("/health/timeline", "steering").body();
        assertThat(timeline).doesNotContain(eventIds.get(7)).doesNotContain(eventIds.get(8));
    }

    @Test
    void aSteeringMemberSeesWhatTheFigureCountsAndNotTheFreeText() {
        Response steering = get("/health/explain?indicator=H6&month=2024-10", "steering");
        assertThat(steering.status()).isEqualTo(200);
        assertThat(steering.body()).doesNotContain(PHONE).doesNotContain("Jan Jansen").doesNotContain("Budget cut")
                                   .doesNotContain("\"payload\"");
        JsonNode context = event(steering.json(), eventIds.get(9));
        assertThat(context.get("type").asText()).isEqualTo("ContextChanged");
        assertThat(context.get("occurredOn").asText()).isEqualTo("2024-10-27");
        assertThat(context.at("/fields/kind").asText()).isEqualTo("funding");
        assertThat(context.at("/fields/direction").asText()).isEqualTo("negative");
        assertThat(context.at("/fields/partnerId").asText()).isEqualTo(TOWN.toString());
        assertThat(steering.json().get("view").asText()).isEqualTo("figures");

        for (String user : List.of("coordinator", "auditor")) {
            Response full = get("/health/explain?indicator=H6&month=2024-10", user);
            assertThat(event(full.json(), eventIds.get(9)).at("/payload/note").asText()).as(user).contains(PHONE);
        }
    }

    @Test
    void explainOfAnAlertListsItsEventsAndTheCorrectionsAndRetractionsApplied() {
        Response explained = get("/health/explain?alert=A3&month=2024-11", "coordinator");

        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        JsonNode answer = explained.json();
        assertThat(answer.at("/alert/id").asText()).isEqualTo("A3");
        JsonNode balance = event(answer, eventIds.get(4));
        assertThat(balance.get("corrected").asBoolean()).isTrue();
        assertThat(balance.get("occurredOn").asText()).as("as it counts, corrected").isEqualTo("2024-09-16");
        assertThat(answer.get("corrections").findValuesAsText("eventId"))
                .as("a correction withdrawn later, and the retraction that withdrew it, changed nothing")
                .containsExactly(eventIds.get(11), eventIds.get(12));
        assertThat(answer.get("corrections").findValuesAsText("type")).containsExactly("EntryCorrected", "EntryRetracted");
        assertThat(answer.get("corrections").findValuesAsText("targetType")).containsExactly("BalanceAssessed", "MeetingHeld");

        Response steering = get("/health/explain?alert=A3&month=2024-11", "steering");
        assertThat(steering.body()).doesNotContain(PHONE).doesNotContain("Moved a day").doesNotContain("never happened");
        assertThat(get("/health/explain?alert=A4&month=2024-11", "steering").status()).isEqualTo(404);
        Response neither = get("/health/explain?month=2024-11", "steering");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().at("/errors/0/field").asText()).isEqualTo("indicator");
    }

    @Test
    void asOfAndCompareRefuseTheFutureAndSayWhenTheNetworkWasNotYetKnown() {
        // tomorrow where the service reckons the day (its business zone, Europe/Amsterdam unless set)
        String tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();
        Response asOf = get("/health/as-of?date=" + tomorrow, "auditor");
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.json().at("/errors/0/field").asText()).isEqualTo("date");
        assertThat(get("/health/as-of?date=9999-12-31", "auditor").json().at("/errors/0/field").asText()).isEqualTo("date");

        Response compareLater = get("/health/compare?date=" + tomorrow + "&knownAt=" + Instant.now(), "auditor");
        assertThat(compareLater.status()).isEqualTo(400);
        assertThat(compareLater.json().at("/errors/0/field").asText()).isEqualTo("date");
        Response knownLater = get("/health/compare?date=2024-12-31&knownAt=" + Instant.now().plus(Duration.ofHours(1)),
                                  "auditor");
        assertThat(knownLater.status()).isEqualTo(400);
        assertThat(knownLater.json().at("/errors/0/field").asText()).isEqualTo("knownAt");

        Response before = get("/health/compare?date=2024-12-31&knownAt=2000-01-01T00:00:00Z", "auditor");
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("networkKnown").asBoolean()).isFalse();
        assertThat(before.json().path("asKnownAt").isMissingNode() || before.json().path("asKnownAt").isNull()).isTrue();
        assertThat(before.json().get("message").asText()).contains("not yet known");
        assertThat(before.json().at("/asOf/month").asText()).isEqualTo("2024-12");
    }

    @Test
    void theAlertsListCarriesTheSeverityHistoryOfEachEpisode() {
        JsonNode alerts = get("/health/alerts", "steering").json();
        JsonNode a3 = null;
        for (JsonNode alert : alerts) {
            if (alert.get("id").asText().equals("A3")) {
                a3 = alert;
            }
        }
        assertThat(a3).isNotNull();
        assertThat(a3.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(a3.get("severities").get(0).get("from").asText()).isEqualTo("2024-09");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void append(NetworkEvent event) {
        service.append(event);
    }

    private static JsonNode event(JsonNode explained, String eventId) {
        for (JsonNode event : explained.get("events")) {
            if (event.get("eventId").asText().equals(eventId)) {
                return event;
            }
        }
        throw new AssertionError("no event " + eventId + " in " + explained);
    }

    private record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    private static Response get(String path, String username) {
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/networks/" + NETWORK + path))
                                         .header("Authorization", authorization).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
