package nl.samenspel.query.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.Unit;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.query.RunningQueryService;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facts read model in parts, against the embedded MongoDB wire server with the projection running: an entry
 * rewrites only the lists it changed, a read reads only the lists asked for, a save cut short between its parts and
 * its head is folded again from the log rather than twice, and a head of the older one-document form is still read.
 */
class NetworkFactsPartsTest {
    private static final String DATABASE = "facts-parts-it";
    private static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static RunningQueryService service;
    private static ConfigurableApplicationContext app;
    private static List<String> eventIds;

    @BeforeAll
    static void start() {
        service = new RunningQueryService(DATABASE, NETWORK);
        app = service.app();
        eventIds = service.eventIds();

        append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));
        append(joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
        append(joined(TOWN, "Gemeente Noord", ParticipationLevel.CORE, "2024-02-01"));
        append(appointed(HOSPITAL, "anna", Level.BOARD, "director", "2024-02-01"));
        UUID agreement = UUID.randomUUID();
        append(agreement(agreement, "Share data", List.of(HOSPITAL, TOWN), "2024-06-01", "2024-03-01"));
        append(outcome(agreement, AgreementOutcome.KEPT, HOSPITAL, "2024-05-20"));
        append(contribution(UUID.randomUUID(), TOWN, null, "25000.50", Unit.EUR, "25000.50",
                            ContributionStatus.DELIVERED, "2024-03-05"));
        append(meeting(UUID.randomUUID(), MeetingKind.FORMAL, List.of(new Attendance(HOSPITAL, Level.BOARD)),
                       "2024-04-25"));
        awaitHeadAt(eventIds.size() - 1);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aBatchAddingOneMeetingRewritesOnlyTheMeetingsAndTheHead() {
        long sequence = append(meeting(UUID.randomUUID(), MeetingKind.INFORMAL,
                                       List.of(new Attendance(TOWN, Level.BOARD)), "2024-05-02"));
        awaitHeadAt(sequence);

        Map<Part, Long> writtenAt = partSequences();
        assertThat(writtenAt.entrySet().stream().filter(e -> e.getValue() == sequence).map(Map.Entry::getKey))
                .containsExactly(Part.MEETINGS);
        assertThat(writtenAt).as("every list was written once").hasSize(Part.values().length);
        assertThat(facts().find(NETWORK).orElseThrow().facts().meetings()).hasSize(meetingsLogged());
    }

    @Test
    void aReadOfSomeListsReadsOnlyThoseAndLeavesTheOthersEmpty() {
        StoredFacts some = facts().find(NETWORK, EnumSet.of(Part.MEETINGS)).orElseThrow();
        StoredFacts all = facts().find(NETWORK).orElseThrow();

        assertThat(some.facts().meetings()).isEqualTo(all.facts().meetings()).isNotEmpty();
        assertThat(some.facts().partners()).isEmpty();
        assertThat(some.facts().contributions()).isEmpty();
        assertThat(some.facts().network()).isEqualTo(all.facts().network());
        assertThat(some.lastSequence()).isEqualTo(all.lastSequence());
    }

    @Test
    void aSaveCutShortBetweenItsPartsAndItsHeadIsFoldedAgainFromTheLogSoNoEntryCountsTwice() {
        StoredFacts before = facts().find(NETWORK).orElseThrow();
        MeetingHeld meeting = meeting(UUID.randomUUID(), MeetingKind.FORMAL,
                                      List.of(new Attendance(HOSPITAL, Level.BOARD)), "2024-05-10");
        long sequence = append(meeting);
        awaitHeadAt(sequence);
        StoredFacts after = facts().find(NETWORK).orElseThrow();

        // The parts of the later state are stored, but the head still says the earlier one: the save was cut short
        // before its head, and the processor's token was not stored either, so the entry comes again.
        facts().save(before, before.facts());
        assertThat(facts().load(NETWORK).orElseThrow().cutShort()).isTrue();
        app.getBean(NetworkFactsProjection.class).on(meeting, eventIds.get((int) sequence), sequence,
                                                     after.lastRecordedAt());

        StoredFacts now = facts().find(NETWORK).orElseThrow();
        assertThat(now.facts().meetings().stream().filter(m -> m.meetingId().equals(meeting.meetingId())))
                .as("the meeting once, not twice").hasSize(1);
        assertThat(now).isEqualTo(after);
        assertThat(facts().load(NETWORK).orElseThrow().cutShort()).isFalse();
        assertThat(partSequences().values()).allMatch(written -> written <= sequence);
    }

    @Test
    void aHeadOfTheOlderOneDocumentFormIsReadAndItsNextSaveWritesEveryPart() throws Exception {
        StoredFacts before = facts().find(NETWORK).orElseThrow();
        JsonMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                    .serializationInclusion(JsonInclude.Include.NON_NULL).build();
        heads().replaceOne(Filters.eq("_id", NETWORK.toString()),
                           new Document("_id", NETWORK.toString()).append("lastSequence", before.lastSequence())
                                   .append("lastRecordedAt", before.lastRecordedAt().toString())
                                   .append("facts", json.writeValueAsString(before.facts())));
        parts().deleteMany(Filters.in("_id", partIds()));

        assertThat(facts().find(NETWORK)).contains(before);
        assertThat(facts().find(NETWORK, EnumSet.of(Part.MEETINGS)).orElseThrow().facts().meetings())
                .isEqualTo(before.facts().meetings());

        long sequence = append(meeting(UUID.randomUUID(), MeetingKind.INFORMAL,
                                       List.of(new Attendance(TOWN, Level.BOARD)), "2024-05-20"));
        awaitHeadAt(sequence);
        assertThat(heads().find(Filters.eq("_id", NETWORK.toString())).first()).doesNotContainKey("facts");
        assertThat(partSequences()).hasSize(Part.values().length).allSatisfy((part, written) ->
                assertThat(written).as(part.listName()).isEqualTo(sequence));
        assertThat(facts().find(NETWORK).orElseThrow().facts().meetings()).hasSize(meetingsLogged());
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static long append(NetworkEvent event) {
        return service.append(event);
    }

    private static void awaitHeadAt(long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> facts().find(NETWORK, EnumSet.noneOf(Part.class))
                                                                  .map(StoredFacts::lastSequence).orElse(-1L) == sequence);
    }

    private static int meetingsLogged() {
        return (int) service.writer().readEvents(NETWORK.toString(), 0).asStream()
                           .filter(m -> m.getPayload() instanceof MeetingHeld).count();
    }

    private static NetworkFactsStore facts() {
        return app.getBean(NetworkFactsStore.class);
    }

    private static MongoCollection<Document> heads() {
        return app.getBean(MongoTemplate.class).getCollection(NetworkFactsStore.COLLECTION);
    }

    private static MongoCollection<Document> parts() {
        return app.getBean(MongoTemplate.class).getCollection(NetworkFactsStore.PARTS);
    }

    private static List<String> partIds() {
        return Stream.of(Part.values()).map(part -> NETWORK + ":" + part.listName()).toList();
    }

    /** The sequence each stored list of the network was last written at. */
    private static Map<Part, Long> partSequences() {
        Map<Part, Long> written = new HashMap<>();
        for (Document part : parts().find(Filters.in("_id", partIds()))) {
            String listName = part.getString("_id").substring(NETWORK.toString().length() + 1);
            Part which = Stream.of(Part.values()).filter(p -> p.listName().equals(listName)).findFirst().orElseThrow();
            written.put(which, part.get(NetworkFactsStore.PART_SEQUENCE, Number.class).longValue());
        }
        return written;
    }
}
