package nl.samenspel.query.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.access.NetworkRole;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.ambition.Stance;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.query.RunningQueryService;
import nl.samenspel.query.facts.Partner;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.people.LeadRole;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.structure.ContextKind;
import nl.samenspel.kernel.structure.Direction;
import nl.samenspel.kernel.tension.Intervention;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import nl.samenspel.support.people.PeopleDirectory;
import nl.samenspel.support.security.UserAccount;
import nl.samenspel.support.security.UserStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query-service against the embedded MongoDB wire server, fed by a storage engine of its own that appends a
 * network's history to the log the way the command-service does: the facts read model follows,
 * corrections and retractions included, is the same after a replay, and the history endpoint filters the log.
 */
class NetworkFactsProjectionTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String DATABASE = "facts-it";
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID PAY_COORDINATOR = UUID.randomUUID();
    private static final UUID SHARE_DATA = UUID.randomUUID();
    private static final UUID MONEY = UUID.randomUUID();
    private static final UUID HOURS = UUID.randomUUID();
    private static final UUID EVALUATION = UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningQueryService service;
    private static ConfigurableApplicationContext app;
    private static List<String> eventIds;
    private static String coordinator;
    private static String steering;
    private static String auditor;
    private static UUID anna;
    private static UUID jolanda;

    @BeforeAll
    static void start() {
        service = new RunningQueryService(DATABASE, NETWORK);
        app = service.app();
        eventIds = service.eventIds();
        UserStore users = app.getBean(UserStore.class);
        coordinator = user(users, "coordinator", NetworkRole.COORDINATOR);
        steering = user(users, "steering", NetworkRole.STEERING);
        auditor = user(users, "auditor", NetworkRole.AUDITOR);
        PeopleDirectory people = app.getBean(PeopleDirectory.class);
        anna = people.register(NETWORK, "Anna de Vries", "anna@example.org", null).personRef();
        jolanda = people.register(NETWORK, "Jolanda Bakker", null, null).personRef();
        people.erase(NETWORK, jolanda);

        logHistory();
        awaitFactsUpTo(eventIds.size() - 1);
    }

    /** A year of a care network, with one correction and one retraction; event ids are kept by sequence number. */
    private static void logHistory() {
        append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));                                       // 0
        append(joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));               // 1
        append(joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2024-02-01"));                     // 2
        append(joined(SCHOOL, "ROC Noord", ParticipationLevel.PARTICIPANT, "2024-02-02"));                 // 3
        append(appointed(HOSPITAL, anna.toString(), Level.BOARD, "director", "2024-02-01"));               // 4
        append(appointed(TOWN, jolanda.toString(), Level.BOARD, "alderman", "2024-02-01"));                // 5
        append(appointed(SCHOOL, "legacy-42", Level.PROFESSIONAL, "teacher", "2024-02-02"));               // 6
        append(roleAssigned(LeadRole.CHAIR, anna.toString(), HOSPITAL, "2024-02-10"));                     // 7
        append(ambition(1, "Care close to home", "2024-02-10"));                                           // 8
        append(stance(HOSPITAL, Level.BOARD, 1, Stance.ENDORSES, "2024-02-20"));                           // 9
        append(agreement(PAY_COORDINATOR, "Pay the coordinatr", List.of(TOWN), "2024-06-01", "2024-03-01")); // 10
        append(agreement(SHARE_DATA, "Share data", List.of(HOSPITAL, TOWN), "2024-06-01", "2024-03-01"));  // 11
        append(outcome(SHARE_DATA, AgreementOutcome.KEPT, HOSPITAL, "2024-05-20"));                       // 12
        append(contribution(MONEY, TOWN, null, "25000.50", Unit.EUR, "25000.50", ContributionStatus.PLEDGED,
                            "2024-03-05"));                                                                // 13
        append(contributionStatus(MONEY, ContributionStatus.DELIVERED, "2024-04-01"));                    // 14
        append(contribution(HOURS, HOSPITAL, SCHOOL, "40", Unit.HOURS, null, ContributionStatus.DELIVERED,
                            "2024-04-02"));                                                                // 15
        append(value(HOSPITAL, Capital.ECONOMIC, "readmission figures 2024", "2024-09-01"));              // 16
        append(balance(TOWN, BalanceRating.UNFAIR, "2024-09-15"));                                        // 17
        append(evaluation(EVALUATION, Instrument.FIVE_CONDITIONS, "2024-10-01"));                         // 18
        append(response(EVALUATION, HOSPITAL, Level.BOARD, false, List.of(4, 4, 3, 2, 5), "good start",
                        "2024-10-02"));                                                                    // 19
        append(response(EVALUATION, SCHOOL, Level.PROFESSIONAL, true, List.of(1, 1, 1, 1, 1), "we feel unheard",
                        "2024-10-02"));                                                                    // 20
        append(response(EVALUATION, TOWN, Level.MANAGEMENT, true, List.of(2, 2, 2, 2, 2), null, "2024-10-03")); // 21
        append(temperature(List.of(TOWN, HOSPITAL), 3, Set.of(Signal.GOAL_DISPUTE), "2024-10-10"));       // 22
        UUID conflict = UUID.randomUUID();
        append(conflict(conflict, List.of(HOSPITAL, TOWN), "2024-10-11"));                                // 23
        append(ladder(conflict, 2, Intervention.MEDIATION, "2024-10-20"));                                // 24
        append(meeting(UUID.randomUUID(), MeetingKind.FORMAL,
                       List.of(new Attendance(HOSPITAL, Level.BOARD), new Attendance(TOWN, Level.BOARD)), "2024-10-25")); // 25
        append(coalitionFormed(UUID.randomUUID(), "Nachtzorg", List.of(HOSPITAL, TOWN), "2024-10-26"));   // 26
        append(context(ContextKind.FUNDING, TOWN, Direction.NEGATIVE, "2024-10-27"));                     // 27
        append(phase(Phase.EXECUTION, "2024-10-28"));                                                     // 28
        append(withdrew(SCHOOL, "budget cuts", "2024-11-01"));                                            // 29
        append(corrected(eventIds.get(10), agreement(PAY_COORDINATOR, "Pay the coordinator", List.of(TOWN),
                                                     "2024-06-01", "2024-03-01"), "2024-11-02"));          // 30
        append(retracted(eventIds.get(15), "2024-11-03"));                                                // 31
        append(success("Regional grant", "2024-11-20"));                                                  // 32
        append(accountability("Ministry", List.of(HOSPITAL, TOWN), false, "2024-11-21"));                 // 33
        append(analysis("Regiobeeld 2024", List.of(HOSPITAL, TOWN), "2024-11-22"));                       // 34
        append(action(UUID.randomUUID(), EVALUATION, TOWN, "2024-12-31", "2024-11-23"));                 // 35
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theFactsFollowTheLogWithTheCorrectionAndTheRetractionApplied() {
        JsonNode facts = get("/facts", coordinator).json();

        assertThat(facts.get("lastSequence").asLong()).isEqualTo(35);
        assertThat(facts.at("/network/name").asText()).isEqualTo("Zorgnetwerk Noorderkwartier");
        assertThat(facts.get("phase").asText()).isEqualTo("execution");
        assertThat(facts.get("partners").findValuesAsText("name"))
                .containsExactly("Ziekenhuis Noord", "Gemeente Noord", "ROC Noord");
        assertThat(partner(facts.get("partners"), SCHOOL).get("active").asBoolean()).isFalse();
        assertThat(partner(facts.get("partners"), HOSPITAL).get("active").asBoolean()).isTrue();

        JsonNode payCoordinator = byField(facts.get("agreements"), "agreementId", PAY_COORDINATOR);
        assertThat(payCoordinator.get("title").asText()).as("corrected").isEqualTo("Pay the coordinator");
        assertThat(payCoordinator.get("eventId").asText()).isEqualTo(eventIds.get(10));
        assertThat(payCoordinator.get("overdue").asBoolean()).isTrue();
        JsonNode shareData = byField(facts.get("agreements"), "agreementId", SHARE_DATA);
        assertThat(shareData.get("outcome").asText()).isEqualTo("kept");
        assertThat(shareData.get("overdue").asBoolean()).isFalse();

        assertThat(facts.get("contributions")).as("the retracted hours are gone").hasSize(1);
        JsonNode money = facts.get("contributions").get(0);
        assertThat(money.get("status").asText()).isEqualTo("delivered");
        assertThat(money.get("estimatedValueEur").decimalValue()).isEqualByComparingTo("25000.50");
        assertThat(money.has("toPartnerId")).as("to the network").isFalse();

        assertThat(facts.at("/corrections").findValuesAsText("status")).containsExactly("applied", "applied");
        assertThat(facts.at("/corrections").findValuesAsText("targetEventId"))
                .containsExactly(eventIds.get(10), eventIds.get(15));
        assertThat(facts.at("/ambition/currentVersion").asInt()).isEqualTo(1);
        assertThat(facts.at("/balance/latest/0/rating").asText()).isEqualTo("unfair");
        assertThat(facts.at("/temperature/latest/0/level").asInt()).isEqualTo(3);
        assertThat(facts.at("/conflicts/0/ladderStep").asInt()).isEqualTo(2);
        assertThat(facts.at("/meetings/held/0/attendance")).hasSize(2);
        assertThat(facts.at("/subCoalitions/0/active").asBoolean()).isTrue();
        assertThat(facts.at("/context/changes/0/direction").asText()).isEqualTo("negative");
        assertThat(facts.at("/context/successes/0/title").asText()).isEqualTo("Regional grant");
        assertThat(facts.at("/context/accountabilityRequests/0/requester").asText()).isEqualTo("Ministry");
        assertThat(facts.at("/context/regionalAnalyses/0/title").asText()).isEqualTo("Regiobeeld 2024");
        assertThat(facts.at("/improvementActions/0/completed").asBoolean()).isFalse();
        assertThat(facts.at("/valueClaims/0/evidence").asText()).isEqualTo("readmission figures 2024");
    }

    @Test
    void twoAnonymousAnswersShowOnlyAsACountAndNeverWithTheirRespondent() {
        Response response = get("/evaluations", steering);
        JsonNode evaluation = response.json().get(0);

        assertThat(evaluation.get("responseCount").asInt()).isEqualTo(3);
        assertThat(evaluation.at("/anonymous/count").asInt()).isEqualTo(2);
        assertThat(evaluation.at("/anonymous/shown").asBoolean()).isFalse();
        assertThat(evaluation.get("responses")).hasSize(1);
        assertThat(response.body()).doesNotContain("we feel unheard").doesNotContain(SCHOOL.toString())
                                   .doesNotContain("professional");
        assertThat(get("/facts", coordinator).body()).doesNotContain("we feel unheard");
    }

    @Test
    void coordinatorsAndAuditorsSeeRepresentativesByNameAndSteeringOnlyRolesAndLevels() {
        JsonNode partners = get("/partners", coordinator).json();

        assertThat(current(partner(partners, HOSPITAL), "board").get("displayName").asText()).isEqualTo("Anna de Vries");
        assertThat(current(partner(partners, TOWN), "board").get("displayName").asText()).isEqualTo("erased");
        assertThat(current(partner(partners, SCHOOL), "professional").get("displayName").asText()).isEqualTo("unknown");
        assertThat(current(partner(partners, SCHOOL), "professional").get("personRef").asText()).isEqualTo("legacy-42");
        JsonNode roles = get("/roles", auditor).json();
        assertThat(roles.at("/active/0/role").asText()).isEqualTo("chair");
        assertThat(roles.at("/active/0/displayName").asText()).isEqualTo("Anna de Vries");

        assertThat(get("/partners", steering).status()).isEqualTo(403);
        assertThat(get("/roles", steering).status()).isEqualTo(403);
        String steeringView = get("/facts", steering).body();
        assertThat(steeringView).doesNotContain("Anna de Vries").doesNotContain(anna.toString())
                                .doesNotContain("legacy-42").contains("director");
    }

    @Test
    void eachFocusedEndpointAnswersWhatTheWholePageShowsForIt() {
        JsonNode facts = get("/facts", coordinator).json();
        for (String[] endpoint : new String[][]{{"/ambition", "ambition"}, {"/interests", "interests"},
                {"/agreements", "agreements"}, {"/contributions", "contributions"}, {"/value-claims", "valueClaims"},
                {"/balance", "balance"}, {"/evaluations", "evaluations"},
                {"/improvement-actions", "improvementActions"}, {"/temperature", "temperature"},
                {"/conflicts", "conflicts"}, {"/meetings", "meetings"}, {"/sub-coalitions", "subCoalitions"},
                {"/context", "context"}}) {
            assertThat(get(endpoint[0], steering).json()).as(endpoint[0]).isEqualTo(facts.get(endpoint[1]));
        }
    }

    @Test
    void theNetworkListNamesThePartnersAsTheFactsDoOnceCorrectionsCameIn() {
        // The network view takes its partners from the effective log again at the correction and the retraction, the
        // last entries of the history it takes in.
        await().atMost(Duration.ofSeconds(30))
               .until(() -> get("", coordinator).json().path("lastSequence").asLong() == 31);
        JsonNode view = get("", coordinator).json();
        JsonNode facts = get("/facts", coordinator).json();

        for (UUID partner : List.of(HOSPITAL, TOWN, SCHOOL)) {
            JsonNode listed = partner(view.get("partners"), partner);
            JsonNode shown = partner(facts.get("partners"), partner);
            assertThat(listed.get("name")).isEqualTo(shown.get("name"));
            assertThat(listed.get("participationLevel")).isEqualTo(shown.get("participationLevel"));
            assertThat(listed.get("joinedOn")).isEqualTo(shown.get("joinedOn"));
            assertThat(listed.path("withdrawnOn").asText(null)).isEqualTo(shown.path("withdrawnOn").asText(null));
        }
    }

    @Test
    void aNetworkWithoutReadModelIsNotFound() {
        UUID ghost = UUID.randomUUID();
        UserStore users = app.getBean(UserStore.class);
        users.grant(users.byUsername(coordinator).orElseThrow().userId(), ghost, NetworkRole.COORDINATOR);

        Response response = get("/api/networks/" + ghost + "/facts", Login.of(coordinator));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("networkId");
    }

    @Test
    void theHistoryShowsOriginalsAndCorrectionsAndFiltersByTypePartnerAndDate() {
        JsonNode all = get("/events?limit=1000", auditor).json();
        assertThat(all).hasSize(36);
        assertThat(all.get(10).at("/payload/title").asText()).as("the original, as logged").isEqualTo("Pay the coordinatr");
        assertThat(all.get(30).get("entryType").asText()).isEqualTo("entry-corrected");
        assertThat(all.get(30).get("type").asText()).isEqualTo("EntryCorrected");
        assertThat(all.get(0).get("occurredOn").asText()).isEqualTo("2024-01-10");

        assertThat(sequences(get("/events?type=agreement-made", auditor).json())).containsExactly(10L, 11L);
        assertThat(sequences(get("/events?type=entry-corrected&type=entry-retracted", coordinator).json()))
                .containsExactly(30L, 31L);
        // not #20, the school's anonymous answer: found by its partner, it would say who gave it
        assertThat(sequences(get("/events?partnerId=" + SCHOOL, auditor).json())).containsExactly(3L, 6L, 15L, 29L);
        assertThat(sequences(get("/events?partnerId=" + TOWN + "&type=entry-corrected", auditor).json()))
                .as("the correction names the partner only in its replacement").containsExactly(30L);
        assertThat(sequences(get("/events?from=2024-11-01&to=2024-11-21", auditor).json()))
                .containsExactly(29L, 30L, 31L, 32L, 33L);
        assertThat(sequences(get("/events?from=2024-11-22", auditor).json())).containsExactly(34L, 35L);
        assertThat(sequences(get("/events?eventId=" + all.get(30).at("/payload/targetEventId").asText() + "&eventId="
                                 + all.get(2).get("eventId").asText(), auditor).json()))
                .as("the entries with these ids: one a correction points at, and another").containsExactly(2L, 10L);

        Response bad = get("/events?type=agreement-signed", auditor);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("type");
        Response notAnId = get("/events?eventId=entry-10", auditor);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().at("/errors/0/field").asText()).isEqualTo("eventId");
        assertThat(get("/events?from=2024-12-01&to=2024-11-01", auditor).status()).isEqualTo(400);
        assertThat(get("/events?partnerId=" + SCHOOL, steering).status()).isEqualTo(403);
    }

    @Test
    void theHistoryPagesOnWithANextLinkUntilTheEndOfTheLog() {
        List<Long> seen = new ArrayList<>();
        String path = "/api/networks/" + NETWORK + "/events?partnerId=" + SCHOOL + "&limit=2";
        int pages = 0;
        while (path != null) {
            Response page = get(path, Login.of(auditor));
            seen.addAll(sequences(page.json()));
            path = page.nextLink();
            pages++;
        }
        assertThat(seen).containsExactly(3L, 6L, 15L, 29L);
        assertThat(pages).isEqualTo(3);

        Response unfiltered = get("/events?limit=10", auditor);
        assertThat(sequences(unfiltered.json())).hasSize(10).startsWith(0L).endsWith(9L);
        assertThat(unfiltered.nextLink()).contains("fromSequence=10");
        assertThat(get("/events?fromSequence=30&limit=100", auditor).nextLink()).isNull();
    }

    @Test
    void aReplayFromTheStartGivesTheSameReadModel() {
        StoredFacts before = storedFacts();
        StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                                               .eventProcessor(NetworkFactsProjection.PROCESSOR, StreamingEventProcessor.class)
                                               .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            StoredFacts now = storedFacts();
            return now != null && now.lastSequence() == 35;
        });
        assertThat(storedFacts()).isEqualTo(before);
    }

    @Test
    void anEntryDeliveredAgainChangesNothingAndALostReadModelIsFoldedAgainFromTheLog() {
        NetworkFactsProjection projection = app.getBean(NetworkFactsProjection.class);
        StoredFacts before = storedFacts();
        NetworkEvent first = joined(HOSPITAL, "Someone else entirely", ParticipationLevel.ASSOCIATE, "2024-02-01");

        projection.on(first, "redelivered", 1, Instant.now());
        assertThat(storedFacts()).isEqualTo(before);

        // The read model of the network is lost; the next entry to arrive brings it back from the log.
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        mongo.getCollection(NetworkFactsStore.COLLECTION).deleteOne(Filters.eq("_id", NETWORK.toString()));
        mongo.getCollection(NetworkFactsStore.PARTS)
             .deleteMany(Filters.in("_id", Stream.of(Part.values()).map(p -> NETWORK + ":" + p.listName()).toList()));
        NetworkEvent last = action(UUID.randomUUID(), EVALUATION, TOWN, "2024-12-31", "2024-11-23");
        projection.on(last, eventIds.get(35), 35, before.lastRecordedAt());
        assertThat(storedFacts()).isEqualTo(before);
    }

    @Test
    void aCopyKeptBetweenBatchesIsNotGoneOnFromOnceAnotherInstanceStoredMore() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
        NetworkFactsStore store = app.getBean(NetworkFactsStore.class);
        MongoEventStorageEngine events = app.getBean(MongoEventStorageEngine.class);
        NetworkFactsProjection first = new NetworkFactsProjection(store, events);
        NetworkFactsProjection second = new NetworkFactsProjection(store, events);
        first.on(new NetworkFounded(other, "Ander netwerk", "care", "Noord", CollaborationForm.NETWORK, null,
                                    day("2024-01-10"), null, null), "other-0", 0, Instant.now());
        first.on(partner(other, "Ziekenhuis Zuid", "2024-02-01"), "other-1", 1, Instant.now());

        // The segment moves: another instance goes on from what is stored, one entry further.
        second.on(partner(other, "Gemeente Zuid", "2024-02-02"), "other-2", 2, Instant.now());
        // The segment comes back with that entry delivered again; the copy the first instance kept is one entry behind.
        first.on(partner(other, "Not what was logged", "2024-02-02"), "other-2", 2, Instant.now());

        StoredFacts stored = store.find(other).orElseThrow();
        assertThat(stored.lastSequence()).isEqualTo(2);
        assertThat(stored.facts().partners()).extracting(Partner::name).containsExactly("Ziekenhuis Zuid", "Gemeente Zuid");
    }

    private static NetworkEvent partner(UUID network, String name, String on) {
        return new PartnerJoined(network, UUID.nameUUIDFromBytes(name.getBytes()), name, "hospital",
                                 ParticipationLevel.CORE, Set.of(), day(on), null, null);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void append(NetworkEvent event) {
        service.append(event);
    }

    private static void awaitFactsUpTo(long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = get("/facts", coordinator);
            return response.status() == 200 && response.json().get("lastSequence").asLong() == sequence;
        });
    }

    private static StoredFacts storedFacts() {
        return app.getBean(NetworkFactsStore.class).find(NETWORK).orElse(null);
    }

    private static String user(UserStore users, String username, NetworkRole role) {
        UserAccount account = users.create(username, username, PASSWORD, false);
        users.grant(account.userId(), NETWORK, role);
        return username;
    }

    private static JsonNode partner(JsonNode partners, UUID id) {
        return byField(partners, "partnerId", id);
    }

    private static JsonNode byField(JsonNode list, String field, UUID id) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.get(field).asText().equals(id.toString()))
                            .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + list));
    }

    private static JsonNode current(JsonNode partner, String level) {
        for (JsonNode atLevel : partner.get("representatives")) {
            if (atLevel.get("level").asText().equals(level)) {
                assertThat(atLevel.get("current")).hasSize(1);
                return atLevel.get("current").get(0);
            }
        }
        throw new AssertionError("no level " + level);
    }

    private static List<Long> sequences(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(e -> e.get("sequenceNumber").asLong()).toList();
    }

    private record Login(String authorization) {
        static Login of(String username) {
            return new Login("Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private record Response(int status, String body, String link) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        /** The target of the {@code rel="next"} link, if any. */
        String nextLink() {
            if (link == null || !link.contains("rel=\"next\"")) {
                return null;
            }
            return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
    }

    /** GET a path of the network ({@code /facts}) or an absolute API path, as a user. */
    private static Response get(String path, String username) {
        return get("/api/networks/" + NETWORK + path, Login.of(username));
    }

    private static Response get(String path, Login login) {
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                         .header("Authorization", login.authorization()).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Link").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
