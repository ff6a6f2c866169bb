package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.samenspel.verify.Anchor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Someone with direct access to the store changes a network's log; verification finds the first bad sequence and
 * names the kind of break, and reads refuse to skip silently past a hole.
 */
class TamperingTest {
    private static final String NETWORK = "network-0";
    private StoreFixture fixture;

    @BeforeEach
    void appendTwoInterleavedNetworks() {
        fixture = new StoreFixture();
        for (int seq = 0; seq < 10; seq += 2) {
            for (String network : List.of(NETWORK, "network-1")) {
                List<DomainEventMessage<?>> commit = new ArrayList<>();
                commit.add(StoreFixture.event(network, seq, 1));
                commit.add(StoreFixture.event(network, seq + 1, 1));
                fixture.engine.appendEvents(commit);
            }
        }
        assertThat(fixture.engine.verifyChain(NETWORK).intact()).isTrue();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void editingOnePayloadFieldBreaksTheChainAtThatEvent() {
        set(5, "payload", "{\"aggregateId\":\"network-0\",\"sequenceNumber\":5,\"writer\":99}");
        assertBroken(5, "hash-mismatch");
    }

    @Test
    void swappingTwoPayloadsBreaksTheChainAtTheFirst() {
        String third = doc(3).getString("payload");
        set(3, "payload", doc(7).getString("payload"));
        set(7, "payload", third);
        assertBroken(3, "hash-mismatch");
    }

    @Test
    void aDeletedEventIsMissingAndNoReadSkipsPastIt() {
        fixture.events().deleteOne(Filters.eq("streamKey", NETWORK + ":4"));

        assertBroken(4, "missing");
        assertThatThrownBy(() -> fixture.engine.readStoredEvents(NETWORK, 0, 100))
                .isInstanceOf(BrokenStreamException.class).hasMessageContaining("sequence 4");
        assertThatThrownBy(() -> fixture.engine.storedEvents(NETWORK).toList()).isInstanceOf(BrokenStreamException.class);
        assertThatThrownBy(() -> fixture.engine.readEvents(NETWORK).asStream().count())
                .as("the aggregate does not load, so no command reuses sequence 4")
                .isInstanceOf(BrokenStreamException.class);
        assertThat(fixture.engine.readStoredEvents("network-1", 0, 100)).as("other networks are unaffected").hasSize(10);
    }

    @Test
    void aTruncatedTailIsCaughtByTheHeadKeptApart() {
        fixture.events().deleteMany(Filters.in("streamKey", NETWORK + ":8", NETWORK + ":9"));

        assertBroken(8, "truncated");
        assertThatThrownBy(() -> fixture.engine.readStoredEvents(NETWORK, 0, 100)).isInstanceOf(BrokenStreamException.class);
    }

    @Test
    void anEventMarkedPendingIsNotPartOfTheLog() {
        set(5, "pending", true);

        assertBroken(5, "pending");
        assertThatThrownBy(() -> fixture.engine.readStoredEvents(NETWORK, 0, 100)).isInstanceOf(BrokenStreamException.class);
    }

    @Test
    void anEventFlaggedAsPlaceholderIsNotPartOfTheLog() {
        set(6, "placeholder", true);
        assertBroken(6, "placeholder");
    }

    @Test
    void aPlaceholderPutInTheEventsPlaceLeavesItMissing() {
        Document original = doc(2);
        long position = original.getLong("_id");
        fixture.events().replaceOne(Filters.eq("_id", position), EventDocuments.placeholder(position, 0));
        assertBroken(2, "missing");
    }

    @Test
    void anEventCopiedToTheEndIsADuplicate() {
        Document copy = new Document(doc(2));
        copy.put("_id", fixture.engine.head() + 1);
        copy.put("streamKey", NETWORK + ":10");
        copy.put("sequenceNumber", 10L);
        fixture.events().insertOne(copy);
        assertBroken(10, "duplicate");
    }

    @Test
    void swappingTheStoredPlaceOfTwoEventsIsOutOfOrderOrAMismatch() {
        Document third = doc(3);
        Document seventh = doc(7);
        fixture.events().deleteMany(Filters.in("_id", third.getLong("_id"), seventh.getLong("_id")));
        fixture.events().insertOne(new Document(third).append("_id", seventh.getLong("_id")));
        fixture.events().insertOne(new Document(seventh).append("_id", third.getLong("_id")));
        assertBroken(4, "out-of-order");
    }

    @Test
    void anEditWithEveryLaterHashRecomputedIsCaughtByTheHeadKeptApart() {
        rewriteFrom(3);
        assertBroken(9, "head-mismatch");
    }

    @Test
    void aCompleteRewriteIncludingTheHeadIsCaughtByAnEarlierReceipt() {
        Anchor before = fixture.engine.recordedHead(NETWORK);
        Anchor receipt = new Anchor("receipt", NETWORK, before.sequence(), before.hash(), before.time(), null);
        String newHead = rewriteFrom(3);
        fixture.database.getCollection("heads").updateOne(Filters.eq("_id", NETWORK),
                                                         Updates.set("head", MongoEventStorageEngine.headText(9, newHead)));

        assertThat(fixture.engine.verifyChain(NETWORK).intact()).as("the store alone cannot tell").isTrue();
        ChainVerification withReceipt = fixture.engine.verifyChain(NETWORK, List.of(receipt));
        assertThat(withReceipt.intact()).isFalse();
        assertThat(withReceipt.brokenAtSequence()).isEqualTo(9);
        assertThat(withReceipt.breakKind()).isEqualTo("rewritten");
    }

    /** Changes the payload at {@code from} and recomputes the hash of it and of every later event; returns the last. */
    private String rewriteFrom(int from) {
        String previous = doc(from - 1).getString("hash");
        for (int seq = from; seq < 10; seq++) {
            if (seq == from) {
                set(seq, "payload", "{\"aggregateId\":\"network-0\",\"sequenceNumber\":" + seq + ",\"writer\":7}");
            }
            StoredEvent event = StoredEvent.from(doc(seq));
            previous = HashChain.hash(event, previous);
            set(seq, "hash", previous);
        }
        return previous;
    }

    private void assertBroken(long sequence, String kind) {
        ChainVerification result = fixture.engine.verifyChain(NETWORK);
        assertThat(result.intact()).as("%s", result).isFalse();
        assertThat(result.brokenAtSequence()).as("%s", result).isEqualTo(sequence);
        assertThat(result.breakKind()).as("%s", result).isEqualTo(kind);
        assertThat(fixture.engine.verifyChain("network-1").intact()).as("the other network is intact").isTrue();
    }

    private Document doc(long sequence) {
        return fixture.events().find(Filters.eq("streamKey", NETWORK + ":" + sequence)).first();
    }

    private void set(long sequence, String field, Object value) {
        fixture.events().updateOne(Filters.eq("streamKey", NETWORK + ":" + sequence), Updates.set(field, value));
    }
}
