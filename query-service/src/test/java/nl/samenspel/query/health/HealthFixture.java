package nl.samenspel.query.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.HealthTimeline;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One embedded MongoDB wire server (memory backend, real TCP) with a network's log in it, and as many health writers
 * over it as a test needs, each with a client of its own as separate query-service instances would have. The clock is
 * moved by the test, never waited for.
 */
final class HealthFixture implements AutoCloseable {
    static final String DATABASE = "health-writers";

    final EmbeddedStore store = EmbeddedStore.inMemory();
    /** As Spring Boot configures it for the query-service: dates as text, no nulls. */
    final ObjectMapper json = Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                                                          .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                                                                             SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                                                          .build();
    final MovingClock clock = new MovingClock(LocalDate.parse("2026-11-30"));
    private final List<MongoClient> clients = new ArrayList<>();
    private final MongoEventStorageEngine events;
    final NetworkLogReader logs;

    HealthFixture() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
        events = MongoEventStorageEngine.builder().database(client().getDatabase(DATABASE))
                                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
        logs = new NetworkLogReader(events, serializer);
    }

    /** A store over a connection of its own: what one query-service instance writes through. */
    HealthStore healthStore() {
        return new HealthStore(template(), json);
    }

    /** The health writer of one query-service instance, over a store of its own. */
    HealthProjection projection() {
        return new HealthProjection(logs, healthStore(), clock);
    }

    /** A connection of its own to the database, as one query-service instance has. */
    MongoTemplate template() {
        return new MongoTemplate(client(), DATABASE);
    }

    /** Appends the events as the command-service would, in order, after those already in the network's log. */
    static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID EVALUATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    /**
     * A year of a network in twelve entries (sequences 0–11): three partners, a balance rating, a meeting, an
     * evaluation with two answers, a rating logged late (back-dated before the first), a withdrawal, and the meeting
     * retracted.
     */
    void logAYear(UUID networkId) {
        append(networkId,
               founded("Zorgnetwerk Noorderkwartier", "2026-01-10"),                                              // 0
               joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2026-02-01"),                       // 1
               joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2026-02-01"),                             // 2
               joined(SCHOOL, "ROC Noord", ParticipationLevel.PARTICIPANT, "2026-02-02"),                         // 3
               balance(TOWN, BalanceRating.UNFAIR, "2026-03-15"),                                                 // 4
               meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD),
                       new Attendance(TOWN, Level.BOARD)), "2026-04-20"),                                         // 5
               evaluation(EVALUATION, Instrument.FIVE_CONDITIONS, "2026-06-01"),                                  // 6
               response(EVALUATION, HOSPITAL, Level.BOARD, false, List.of(4, 4, 3, 2, 5), null, "2026-06-02"),    // 7
               response(EVALUATION, TOWN, Level.MANAGEMENT, false, List.of(1, 2, 1, 2, 1), null, "2026-06-03"),   // 8
               balance(HOSPITAL, BalanceRating.UNFAIR, "2026-03-10"),                                             // 9 back-dated
               withdrew(SCHOOL, "no time", "2026-09-01"));                                                        // 10
        String meeting = entries(networkId, 5, 5).get(0).eventId();
        append(networkId, retracted(meeting, "2026-10-02"));                                                     // 11
    }

    void append(UUID networkId, NetworkEvent... toAppend) {
        long next = logs.read(networkId, -1).size();
        for (NetworkEvent event : toAppend) {
            events.appendEvents(List.of(new GenericDomainEventMessage<>("Network", networkId.toString(), next++, event)));
        }
    }

    /** Entries {@code from .. to} of the network's log, both included, as a processor hands them to the projection. */
    List<LoggedEntry> entries(UUID networkId, long from, long to) {
        return logs.read(networkId, to + 1).stream().filter(e -> e.sequence() >= from).toList();
    }

    Document storedNetwork(UUID networkId) {
        return healthStore().network(networkId);
    }

    /**
     * The stored health is the fold of the network's whole log, evaluated on the date it says it was: the same months
     * with the same content, the same episodes, and the last sequence number of the log.
     */
    void assertStoredIsFoldOfWholeLog(UUID networkId) {
        List<LoggedEntry> log = logs.read(networkId, -1);
        Document network = storedNetwork(networkId);
        assertThat(network).as("stored health of " + networkId).isNotNull();
        LocalDate evaluatedOn = LocalDate.parse(network.getString("evaluatedOn"));
        List<MonthHealth> expected = HealthModel.standard().timeline(log, evaluatedOn).months();
        assertThat(network.get("lastSequence", Number.class).longValue()).isEqualTo(log.get(log.size() - 1).sequence());
        assertThat(network.getList("months", String.class))
                .isEqualTo(expected.stream().map(m -> m.month().toString()).toList());
        assertThat(tree(network.get("episodes"))).isEqualTo(tree(json.convertValue(new HealthTimeline(expected).episodes(), List.class)));
        List<Document> stored = healthStore().months(networkId);
        assertThat(stored).hasSameSizeAs(expected);
        // months are never overwritten: what a newer write replaced, or a losing writer wrote, is deleted
        assertThat(client().getDatabase(DATABASE).getCollection(HealthStore.MONTHS)
                           .countDocuments(new Document("networkId", networkId.toString())))
                .as("month documents of " + networkId).isEqualTo(expected.size());
        // Every month holds what the fold gives, counted; the latest also lists the ids behind its values.
        for (int i = 0; i < expected.size(); i++) {
            assertThat(tree(EvidenceCounts.counted(stored.get(i)))).as(expected.get(i).month().toString())
                    .isEqualTo(tree(EvidenceCounts.counted(json.convertValue(expected.get(i), Map.class))));
        }
        int last = expected.size() - 1;
        assertThat(tree(stored.get(last))).as("latest month " + expected.get(last).month())
                                          .isEqualTo(tree(json.convertValue(expected.get(last), Map.class)));
    }

    /** As the API writes it: through JSON text, so a 0 stored as a 32- or a 64-bit number reads the same. */
    private JsonNode tree(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MongoClient client() {
        MongoClient client = MongoClients.create(store.uri(DATABASE));
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        store.close();
    }

    /** A clock the test sets to a day (noon UTC) and moves on. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(LocalDate today) {
            set(today);
        }

        void set(LocalDate today) {
            now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
