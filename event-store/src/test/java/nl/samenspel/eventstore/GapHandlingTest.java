package nl.samenspel.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Writers that are slow, that die between allocation and insert, or that miss their deadline: the processor keeps
 * going, waits for a hole no longer than the gap time-out, and never loses an acknowledged event.
 */
class GapHandlingTest extends ProcessorTest {

    @Test
    void aSlowWriterWithinItsDeadlineIsStillDeliveredAfterLaterEvents() throws Exception {
        CountDownLatch laterEventDelivered = new CountDownLatch(1);
        DomainEventMessage<TestEvent> slow = StoreFixture.event("slow", 0, 1);
        Thread slowWriter = fixture.appendHeldBack(slow, laterEventDelivered);

        DomainEventMessage<TestEvent> fast = StoreFixture.event("fast", 0, 2);
        fixture.engine.appendEvents(fast);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(fast.getIdentifier()));
        assertThat(fixture.collector.deliveries).doesNotContain(slow.getIdentifier());
        // The processor's status takes the batch's token only after its handlers ran: wait for it, do not race it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixture.gapsInProcessorTokens())
                .as("the slow writer's position is a gap, not skipped").contains(1L));

        laterEventDelivered.countDown();
        slowWriter.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(slow.getIdentifier()));
        assertThat(fixture.collector.deliveries).containsExactlyInAnyOrder(fast.getIdentifier(), slow.getIdentifier());
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gapsInProcessorTokens().isEmpty());
    }

    @Test
    void aWriterThatDiesAfterAllocatingHoldsTheProcessorNoLongerThanTheGapTimeout() {
        long deadPosition = fixture.allocateLikeAWriterThatDies();
        DomainEventMessage<TestEvent> after = StoreFixture.event("survivor", 0, 1);
        fixture.engine.appendEvents(after);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(after.getIdentifier()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixture.gapsInProcessorTokens())
                .as("within the time-out the hole is kept").containsExactly(deadPosition));

        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> isPlaceholder(deadPosition));
        // The token forgets the hole with the next event it is handed.
        DomainEventMessage<TestEvent> next = StoreFixture.event("survivor", 1, 1);
        fixture.engine.appendEvents(next);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(next.getIdentifier()));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gapsInProcessorTokens().isEmpty());

        // Should the writer wake up after all, its insert is refused: no event can appear behind the processor.
        assertThatThrownBy(() -> fixture.events().insertOne(new Document("_id", deadPosition).append("streamKey", "late:0")))
                .isInstanceOf(MongoWriteException.class);
        assertThat(fixture.collector.deliveries).containsExactly(after.getIdentifier(), next.getIdentifier());
    }

    @Test
    void anEventThatArrivesInAGapBeforeTheTimeoutIsDelivered() {
        long position = fixture.allocateLikeAWriterThatDies();
        fixture.engine.appendEvents(StoreFixture.event("later", 0, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.count() == 1);

        // The "dead" writer was only slow: its document lands inside the time-out and must be delivered.
        DomainEventMessage<TestEvent> late = StoreFixture.event("late", 0, 2);
        fixture.events().insertOne(new Document("_id", position)
                .append("streamKey", "late:0").append("eventId", late.getIdentifier())
                .append("aggregateType", "Test").append("aggregateId", "late").append("sequenceNumber", 0L)
                .append("timestamp", late.getTimestamp().toString())
                .append("payloadType", TestEvent.class.getName()).append("payloadRevision", null)
                .append("payload", "{\"aggregateId\":\"late\",\"sequenceNumber\":0,\"writer\":2}")
                .append("metaData", "{}").append("hash", "x").append("allocatedAt", fixture.clock.millis()));

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(late.getIdentifier()));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gapsInProcessorTokens().isEmpty());
    }

    @Test
    void aWriterPastItsDeadlineDoesNotInsertAndLeavesOnlyPlaceholders() {
        fixture.hook = (first, count) -> fixture.clock.advance(StoreFixture.WRITE_DEADLINE.plusMillis(1));
        DomainEventMessage<TestEvent> first = StoreFixture.event("late-writer", 0, 1);
        DomainEventMessage<TestEvent> second = StoreFixture.event("late-writer", 1, 1);

        assertThatThrownBy(() -> fixture.engine.appendEvents(List.of(first, second)))
                .isInstanceOf(WriteDeadlineExceededException.class);

        assertThat(fixture.events().find(Filters.in("_id", 1L, 2L)).into(new java.util.ArrayList<>()))
                .hasSize(2).allSatisfy(doc -> assertThat(doc.getBoolean("placeholder")).isTrue());
        assertThat(fixture.engine.readStoredEvents("late-writer", 0, 10)).isEmpty();

        fixture.hook = AppendHook.NONE;
        DomainEventMessage<TestEvent> retried = StoreFixture.event("late-writer", 0, 1);
        fixture.engine.appendEvents(retried);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(retried.getIdentifier()));
        assertThat(fixture.collector.deliveries).containsExactly(retried.getIdentifier());
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.processor().processingStatus().values().stream()
                .anyMatch(status -> status.getCurrentPosition().orElse(0) >= 3));
        assertThat(fixture.gapsInProcessorTokens()).as("placeholders close their positions at once").isEmpty();
    }

    @Test
    void aCommitRejectedHalfwayLeavesNothingOfItself() {
        fixture.engine.appendEvents(StoreFixture.event("taken", 0, 1));
        List<DomainEventMessage<?>> commit = List.of(StoreFixture.event("fresh", 0, 2), StoreFixture.event("fresh", 1, 2),
                                                     StoreFixture.event("taken", 0, 2));

        assertThatThrownBy(() -> fixture.engine.appendEvents(commit))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);

        assertThat(fixture.engine.readStoredEvents("fresh", 0, 10)).isEmpty();
        assertThat(fixture.events().countDocuments(Filters.eq("placeholder", true))).isEqualTo(3);
        DomainEventMessage<TestEvent> marker = StoreFixture.event("marker", 0, 3);
        fixture.engine.appendEvents(marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(marker.getIdentifier()));
        assertThat(fixture.collector.count()).isEqualTo(2);
        fixture.engine.appendEvents(commit.subList(0, 2));
        assertThat(fixture.engine.readStoredEvents("fresh", 0, 10)).hasSize(2);
    }

    @Test
    void placeholdersAtTheEndOfTheLogCountAsPassedByATrackerThatHandledTheLastEvent() {
        DomainEventMessage<TestEvent> last = StoreFixture.event("taken", 0, 1);
        fixture.engine.appendEvents(last);
        List<DomainEventMessage<?>> rejected = List.of(StoreFixture.event("fresh", 0, 2), StoreFixture.event("taken", 0, 2));
        assertThatThrownBy(() -> fixture.engine.appendEvents(rejected))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
        long head = fixture.engine.head();
        assertThat(head).as("the log ends in the rejected commit's placeholders").isEqualTo(3);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(last.getIdentifier()));
        // The token stays at the last event until a later one arrives; the engine says it has nothing left before the head.
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.processor().processingStatus().values().stream()
                .allMatch(status -> fixture.engine.positionPassed(status.getCurrentPosition().orElse(0)) == head));
        assertThat(fixture.engine.positionPassed(0)).as("a tracker before the last event has not passed them").isZero();

        DomainEventMessage<TestEvent> next = StoreFixture.event("fresh", 0, 3);
        fixture.engine.appendEvents(next);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(next.getIdentifier()));
        assertThat(fixture.collector.deliveries).containsExactly(last.getIdentifier(), next.getIdentifier());
    }

    @Test
    void pendingDocumentsOfAWriterFrozenBetweenInsertAndReleaseAreNeverDelivered() {
        long position = fixture.allocateLikeAWriterThatDies();
        fixture.events().insertOne(new Document("_id", position).append("streamKey", "frozen:0").append("pending", true)
                                           .append("aggregateId", "frozen").append("sequenceNumber", 0L)
                                           .append("allocatedAt", fixture.clock.millis()));
        DomainEventMessage<TestEvent> after = StoreFixture.event("after", 0, 1);
        fixture.engine.appendEvents(after);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(after.getIdentifier()));
        assertThat(fixture.collector.count()).isEqualTo(1);
        assertThat(fixture.engine.readStoredEvents("frozen", 0, 10)).as("aggregates do not see it either").isEmpty();

        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> isPlaceholder(position));
        assertThat(fixture.collector.count()).isEqualTo(1);
        // The aggregate's stream key is free again: the writer's retry can succeed.
        fixture.engine.appendEvents(StoreFixture.event("frozen", 0, 2));
        assertThat(fixture.engine.readStoredEvents("frozen", 0, 10)).hasSize(1);
    }

    @Test
    void aCommitWhoseWriterDiedBeforeItsSealIsNeverDeliveredAndFreesItsStreamKeysAfterTheGapTimeout() {
        // A writer of three events dies after two of them are in: the third, the seal, never comes.
        Document before = fixture.counters().findOneAndUpdate(Filters.eq("_id", "events"), Updates.inc("next", 3L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        long first = before.getLong("next") + 1;
        String previousHash = HashChain.GENESIS;
        for (int seq = 0; seq < 2; seq++) {
            DomainEventMessage<TestEvent> event = StoreFixture.event("cut-off", seq, 1);
            StoredEvent stored = new StoredEvent(first + seq, event.getIdentifier(), "Test", "cut-off", seq,
                                                 event.getTimestamp().toString(), TestEvent.class.getName(), null,
                                                 "{\"aggregateId\":\"cut-off\",\"sequenceNumber\":" + seq + ",\"writer\":1}",
                                                 "{}", null);
            stored = stored.withHash(HashChain.hash(stored, previousHash));
            previousHash = stored.hash();
            fixture.events().insertOne(EventDocuments.toDocument(stored, fixture.clock.millis(), first, 3));
        }
        DomainEventMessage<TestEvent> after = StoreFixture.event("after", 0, 2);
        fixture.engine.appendEvents(after);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.deliveries.contains(after.getIdentifier()));
        assertThat(fixture.collector.deliveries).containsExactly(after.getIdentifier());
        assertThat(fixture.engine.readStoredEvents("cut-off", 0, 10)).as("aggregates do not see it either").isEmpty();

        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> isPlaceholder(first) && isPlaceholder(first + 1)
                && isPlaceholder(first + 2));
        assertThat(fixture.collector.deliveries).containsExactly(after.getIdentifier());
        // The aggregate's stream keys are free again: the writer's retry succeeds and is delivered.
        DomainEventMessage<TestEvent> retried = StoreFixture.event("cut-off", 0, 3);
        fixture.engine.appendEvents(List.of(retried, StoreFixture.event("cut-off", 1, 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.collector.count() == 3);
        assertThat(fixture.collector.sequencesByAggregate.get("cut-off")).containsExactly(0L, 1L);
        assertThat(fixture.engine.verifyChain("cut-off").intact()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gapsInProcessorTokens().isEmpty());
    }

    private boolean isPlaceholder(long position) {
        Document doc = fixture.events().find(Filters.eq("_id", position)).first();
        return doc != null && doc.getBoolean("placeholder", false);
    }
}
