package nl.samenspel.query.network;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.query.facts.FactsSnapshot;
import nl.samenspel.query.facts.FactsSnapshot.Part;
import nl.samenspel.query.facts.Meeting;
import nl.samenspel.query.facts.NetworkInfo;
import nl.samenspel.query.network.NetworkFactsStore.StoredFacts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a long list, against the embedded MongoDB wire server with pages of two items: adding to a list
 * rewrites its last page only, a list that gets shorter leaves no page behind, and a page ahead of its head is seen.
 */
class NetworkFactsStorePagesTest {
    private static final UUID NETWORK = UUID.randomUUID();
    private static final NetworkInfo INFO = new NetworkInfo("Zorgnetwerk", "care", "Noord", CollaborationForm.NETWORK,
                                                            "better care", LocalDate.of(2024, 1, 10), "founded");

    private EmbeddedStore embedded;
    private MongoClient client;
    private MongoTemplate mongo;
    private NetworkFactsStore store;

    @BeforeEach
    void start() {
        embedded = EmbeddedStore.inMemory();
        client = MongoClients.create(embedded.uri("pages"));
        mongo = new MongoTemplate(client, "pages");
        store = new NetworkFactsStore(mongo, 2);
    }

    @AfterEach
    void stop() {
        client.close();
        embedded.close();
    }

    @Test
    void aMeetingAddedToALongListRewritesOnlyItsLastPage() {
        FactsSnapshot five = withMeetings(5);
        store.save(new StoredFacts(NETWORK, 10, Instant.now(), five), null);
        FactsSnapshot six = withMeetings(6);
        store.save(new StoredFacts(NETWORK, 11, Instant.now(), six), five);

        assertThat(pagesWrittenAt(11)).containsExactly(NETWORK + ":meetings:2");
        assertThat(store.find(NETWORK).orElseThrow().facts()).isEqualTo(six);
        assertThat(store.find(NETWORK, EnumSet.of(Part.MEETINGS)).orElseThrow().facts().meetings())
                .isEqualTo(six.meetings());
    }

    @Test
    void aListThatGetsShorterLeavesNoPageBehind() {
        FactsSnapshot five = withMeetings(5);
        store.save(new StoredFacts(NETWORK, 10, Instant.now(), five), null);
        FactsSnapshot one = withMeetings(1);
        store.save(new StoredFacts(NETWORK, 11, Instant.now(), one), five);

        assertThat(store.find(NETWORK).orElseThrow().facts()).isEqualTo(one);
        assertThat(sequences().keySet()).noneMatch(id -> id.startsWith(NETWORK + ":meetings:"));
        FactsSnapshot three = withMeetings(3);
        store.save(new StoredFacts(NETWORK, 12, Instant.now(), three), one);
        assertThat(store.find(NETWORK).orElseThrow().facts()).isEqualTo(three);
    }

    @Test
    void aPageWrittenPastItsHeadShowsTheSaveWasCutShort() {
        FactsSnapshot five = withMeetings(5);
        store.save(new StoredFacts(NETWORK, 10, Instant.now(), five), null);
        FactsSnapshot six = withMeetings(6);
        store.save(new StoredFacts(NETWORK, 11, Instant.now(), six), five);
        assertThat(store.load(NETWORK).orElseThrow().cutShort()).isFalse();

        store.save(new StoredFacts(NETWORK, 10, Instant.now(), five), five);

        assertThat(store.load(NETWORK).orElseThrow().cutShort()).isTrue();
    }

    private static FactsSnapshot withMeetings(int count) {
        List<Meeting> meetings = IntStream.range(0, count).mapToObj(i -> new Meeting(
                UUID.nameUUIDFromBytes(("meeting " + i).getBytes()), MeetingKind.FORMAL, Modality.IN_PERSON,
                "Network table", List.of(), LocalDate.of(2024, 2, 1).plusDays(i), "event " + i)).toList();
        return FactsSnapshot.of(INFO, Map.of(Part.MEETINGS, meetings), count);
    }

    private List<String> pagesWrittenAt(long sequence) {
        List<String> written = new ArrayList<>();
        sequences().forEach((id, at) -> {
            if (at == sequence) {
                written.add(id);
            }
        });
        return written;
    }

    private Map<String, Long> sequences() {
        Map<String, Long> sequences = new HashMap<>();
        for (Document page : mongo.getCollection(NetworkFactsStore.PARTS).find()) {
            sequences.put(page.getString("_id"), page.get(NetworkFactsStore.PART_SEQUENCE, Number.class).longValue());
        }
        return sequences;
    }
}
