package nl.samenspel.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How trackers read: a large commit costs reads in proportion to its size, not to its size times its batches; and an
 * old hole never closes a position that a live writer has only just allocated.
 */
class CommitReadingTest {
    private final StoreFixture fixture = new StoreFixture();
    private final AtomicLong eventDocumentsRead = new AtomicLong();
    private MongoClient countingClient;

    @AfterEach
    void stop() {
        if (countingClient != null) {
            countingClient.close();
        }
        fixture.close();
    }

    @Test
    void aTwoThousandEventCommitIsReadBackByATrackerWithAboutOneReadPerEvent() {
        fixture.engine.appendEvents(StoreFixture.event("before", 0, 1));
        long before = fixture.engine.head();
        List<DomainEventMessage<?>> commit = LongStream.range(0, 2_000)
                .<DomainEventMessage<?>>mapToObj(seq -> StoreFixture.event("import", seq, 1)).toList();
        fixture.engine.appendEvents(commit);

        MongoEventStorageEngine reader = countingEngine();
        List<String> read;
        try (Stream<? extends TrackedEventMessage<?>> stream =
                     reader.readEvents(GapAwareTrackingToken.newInstance(before, Collections.emptySet()), false)) {
            read = stream.map(TrackedEventMessage::getIdentifier).toList();
        }

        assertThat(read).as("the whole commit, in order")
                        .containsExactlyElementsOf(commit.stream().map(DomainEventMessage::getIdentifier).toList());
        assertThat(eventDocumentsRead.get()).as("event documents read to deliver 2,000 events").isLessThan(3_000);
    }

    @Test
    void anOldHoleDoesNotCloseAPositionThatALiveWriterHasJustAllocated() throws Exception {
        long hole = fixture.allocateLikeAWriterThatDies();
        fixture.engine.appendEvents(StoreFixture.event("delivered", 0, 1));
        fixture.clock.advance(StoreFixture.GAP_TIMEOUT.plusSeconds(1));

        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch mayWrite = new CountDownLatch(1);
        fixture.hook = (first, count) -> {
            allocated.countDown();
            StoreFixture.awaitLatch(mayWrite);
        };
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> append = writer.submit(() -> fixture.engine.appendEvents(StoreFixture.event("live", 0, 2)));
        StoreFixture.awaitLatch(allocated);

        // A tracker that comes back with the old hole in its token, while the live writer is between allocation and insert.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(hole + 1, Set.of(hole));
        try (Stream<? extends TrackedEventMessage<?>> stream = fixture.engine.readEvents(token, false)) {
            assertThat(stream.count()).isZero();
        }
        assertThat(fixture.events().find(Filters.eq("_id", hole)).first().getBoolean("placeholder", false))
                .as("the old hole is closed").isTrue();

        mayWrite.countDown();
        append.get(10, TimeUnit.SECONDS);
        writer.shutdown();
        assertThat(fixture.engine.readStoredEvents("live", 0, 10)).as("the live writer's event is stored").hasSize(1);
    }

    @Test
    void aReaderCatchingUpReadsItsNextWindowAheadAndStillDeliversAnEventWrittenIntoItsHoleSinceInOrder() throws Exception {
        for (long seq = 0; seq < 60; seq++) {
            fixture.engine.appendEvents(StoreFixture.event("a", seq, 1));
        }
        awaitTrue(() -> fixture.counters().find(Filters.eq("_id", "events")).first().get("next", Number.class)
                                  .longValue() >= 60);
        // The event at position 30 is not there yet when the reader's second window (21..40) is read ahead.
        org.bson.Document late = fixture.events().findOneAndDelete(Filters.eq("_id", 30L));
        MongoEventStorageEngine reader = countingEngine(builder -> builder.windowChunk(10).lookupConcurrency(2).batchSize(20));
        List<Long> sequences = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            for (int i = 0; i < 20; i++) {
                sequences.add(((DomainEventMessage<?>) events.next()).getSequenceNumber());
            }
            awaitTrue(() -> eventDocumentsRead.get() >= 20 + 19);
            fixture.events().insertOne(late);
            events.forEachRemaining(event -> sequences.add(((DomainEventMessage<?>) event).getSequenceNumber()));
        }

        assertThat(sequences).as("every event once, in order, the late one in its place")
                             .containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private MongoEventStorageEngine countingEngine() {
        return countingEngine(builder -> {
        });
    }

    private MongoEventStorageEngine countingEngine(java.util.function.Consumer<MongoEventStorageEngine.Builder> customizer) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                if (cursor != null && cursor.getString("ns").getValue().endsWith(".events")) {
                    String batch = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
                    eventDocumentsRead.addAndGet(cursor.getArray(batch).size());
                }
            }
        };
        countingClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(fixture.store.uri("test")))
                .addCommandListener(counter).build());
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder().database(countingClient.getDatabase("test"))
                .clock(fixture.clock).gapTimeout(StoreFixture.GAP_TIMEOUT).writeDeadline(StoreFixture.WRITE_DEADLINE)
                .eventSerializer(fixture.serializer).snapshotSerializer(fixture.serializer);
        customizer.accept(builder);
        return builder.build();
    }
}
