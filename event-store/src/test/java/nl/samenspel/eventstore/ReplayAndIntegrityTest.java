package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replay rebuilds the same read model as live processing; a directly edited event breaks the hash chain. */
class ReplayAndIntegrityTest extends ProcessorTest {

    @Test
    void replayRebuildsAReadModelIdenticalToTheLiveOneAndMarksEveryEventAsReplay() {
        int total = appendHistory(12, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.collector.count() == total);
        Map<String, List<Long>> live = copy(fixture.collector.sequencesByAggregate);

        StreamingEventProcessor processor = fixture.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(fixture.collector.count()).isEqualTo(total);
            assertThat(processor.processingStatus()).hasSize(4);
            // Axon keeps a segment flagged as replaying until it passes its reset position; reaching it is enough.
            assertThat(processor.processingStatus().values()).allMatch(s -> s.getCurrentPosition().getAsLong()
                    >= s.getResetPosition().orElse(0));
        });

        assertThat(fixture.collector.sequencesByAggregate).isEqualTo(live);
        assertThat(fixture.collector.replayed.get()).as("every replayed event is flagged as replay").isEqualTo(total);
        assertThat(fixture.collector.deliveries).doesNotHaveDuplicates();
    }

    @Test
    void anUntouchedChainVerifiesAndAnEditedEventIsFoundAtItsSequenceNumber() {
        appendHistory(1, 10);
        ChainVerification intact = fixture.engine.verifyChain("network-0");
        assertThat(intact.intact()).isTrue();
        assertThat(intact.eventsChecked()).isEqualTo(10);

        fixture.events().updateOne(Filters.eq("streamKey", "network-0:6"),
                                   Updates.set("payload", "{\"aggregateId\":\"network-0\",\"sequenceNumber\":6,\"writer\":99}"));

        ChainVerification broken = fixture.engine.verifyChain("network-0");
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAtSequence()).isEqualTo(6);
        assertThat(broken.eventsChecked()).isEqualTo(6);
    }

    @Test
    void rewritingAnEventTogetherWithItsHashBreaksTheChainAtTheNextEvent() {
        appendHistory(1, 10);
        StoredEvent original = fixture.engine.storedEvents("network-0").filter(e -> e.sequenceNumber() == 3)
                                             .findFirst().orElseThrow();
        StoredEvent forged = new StoredEvent(original.globalPosition(), original.eventId(), original.aggregateType(),
                                             original.aggregateId(), 3, original.timestamp(), original.payloadType(),
                                             original.payloadRevision(), "{\"forged\":true}", original.metaData(), null);
        String previousHash = fixture.engine.storedEvents("network-0").filter(e -> e.sequenceNumber() == 2)
                                            .findFirst().orElseThrow().hash();
        fixture.events().updateOne(Filters.eq("streamKey", "network-0:3"),
                                   Updates.combine(Updates.set("payload", forged.payload()),
                                                   Updates.set("hash", HashChain.hash(forged, previousHash))));

        ChainVerification broken = fixture.engine.verifyChain("network-0");
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAtSequence()).isEqualTo(4);
    }

    @Test
    void eventsAppendedInSeparateCommitsChainToTheirPredecessorAcrossEngineInstances() {
        fixture.engine.appendEvents(StoreFixture.event("network-x", 0, 1));
        MongoEventStorageEngine other = MongoEventStorageEngine.builder().database(fixture.database)
                .eventSerializer(fixture.serializer).snapshotSerializer(fixture.serializer).build();
        other.appendEvents(StoreFixture.event("network-x", 1, 2));
        fixture.engine.appendEvents(StoreFixture.event("network-x", 2, 1));
        assertThat(fixture.engine.verifyChain("network-x").intact()).isTrue();
        assertThat(fixture.engine.verifyChain("network-x").eventsChecked()).isEqualTo(3);
    }

    /** Appends {@code perAggregate} events to each of {@code aggregates} aggregates, interleaved, in small commits. */
    private int appendHistory(int aggregates, int perAggregate) {
        int total = 0;
        for (int seq = 0; seq < perAggregate; seq += 2) {
            for (int a = 0; a < aggregates; a++) {
                List<DomainEventMessage<?>> commit = new ArrayList<>();
                for (int k = seq; k < Math.min(seq + 2, perAggregate); k++) {
                    commit.add(StoreFixture.event("network-" + a, k, a));
                }
                fixture.engine.appendEvents(commit);
                total += commit.size();
            }
        }
        return total;
    }

    private static Map<String, List<Long>> copy(Map<String, List<Long>> source) {
        return source.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new ArrayList<>(e.getValue()),
                                                                   (a, b) -> a, HashMap::new));
    }
}
