package nl.samenspel.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine that takes positions in memory (the platform's embedded store, whose only writer it is) leaves the counter
 * to follow its commits. What that must not cost: readers elsewhere still find the commits the counter has not caught
 * up with, an engine started after a crash (when the counter lagged) continues after the last event instead of
 * writing over it, and a second writer on the same store, which should not be there, loses nothing and keeps every
 * aggregate in position order.
 */
class SoleWriterTest {
    private final StoreFixture fixture = new StoreFixture(builder -> builder.soleWriter(true));
    private final List<MongoEventStorageEngine> others = new ArrayList<>();

    @AfterEach
    void stop() {
        others.forEach(MongoEventStorageEngine::close);
        fixture.close();
    }

    @Test
    void aReaderInAnotherEngineFindsTheCommitsTheCounterHasNotCaughtUpWith() {
        for (int i = 0; i < 100; i++) {
            fixture.engine.appendEvents(StoreFixture.event("agg-" + i, 0, 1));
        }
        fixture.engine.close(); // the counter is moved on to 100 ...
        setCounter(0);          // ... and back, as if those writes had not happened (yet)

        assertThat(readAll(engine(false))).as("a reader that trusts the counter sees nothing yet").isEmpty();
        assertThat(readAll(engine(true))).as("a reader that knows the counter follows looks past it, window by window")
                                         .isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(engine(true).head()).isEqualTo(100);
    }

    @Test
    void anEngineStartedAfterACrashContinuesAfterTheLastEventThoughTheCounterLagged() {
        for (int i = 0; i < 300; i++) {
            fixture.engine.appendEvents(StoreFixture.event("before", i, 1));
        }
        fixture.engine.close();
        setCounter(40); // lost with the crash: the counter had followed only the first 40 commits

        List<Long> allocations = new ArrayList<>();
        MongoEventStorageEngine restarted = MongoEventStorageEngine.builder().database(fixture.database)
                .clock(fixture.clock).soleWriter(true).eventSerializer(fixture.serializer)
                .snapshotSerializer(fixture.serializer).appendHook((first, count) -> allocations.add(first)).build();
        others.add(restarted);
        // A new aggregate first: nothing it follows tells where the log ends.
        restarted.appendEvents(StoreFixture.event("after", 0, 2));
        restarted.appendEvents(StoreFixture.event("before", 300, 2));

        assertThat(allocations).as("no position was tried twice").containsExactly(301L, 302L);
        assertThat(fixture.events().countDocuments(Filters.eq("placeholder", true))).isZero();
        assertThat(restarted.readStoredEvents("before", 0, 1000)).hasSize(301);
        assertThat(restarted.verifyChain("before").intact()).isTrue();
    }

    @Test
    void twoSoleWritersOnOneStoreLoseNothingAndKeepEachAggregateInPositionOrder() {
        MongoEventStorageEngine second = engine(true);
        List<MongoEventStorageEngine> writers = List.of(fixture.engine, second);
        // Both take turns on one shared aggregate, and each also writes aggregates of its own in between: each time
        // the other's positions lie where its own memory says the log ends.
        for (int i = 0; i < 60; i++) {
            MongoEventStorageEngine writer = writers.get(i % 2);
            writer.appendEvents(StoreFixture.event("shared", i, i % 2));
            writer.appendEvents(List.of(StoreFixture.event("own-" + i, 0, i % 2), StoreFixture.event("own-" + i, 1, i % 2)));
        }

        Map<Long, Long> positionBySequence = new TreeMap<>();
        for (Document doc : fixture.events().find(Filters.eq("aggregateId", "shared"))) {
            positionBySequence.put(doc.getLong("sequenceNumber"), doc.getLong("_id"));
        }
        assertThat(positionBySequence).hasSize(60);
        assertThat(new ArrayList<>(positionBySequence.values())).as("the shared aggregate's positions rise with its sequence").isSorted();
        assertThat(fixture.events().countDocuments(Filters.exists("placeholder", false))).isEqualTo(60 + 60 * 2);
        assertThat(readAll(engine(true)).stream().distinct().count()).as("every event once").isEqualTo(180);
        assertThat(fixture.engine.verifyChain("shared").intact()).isTrue();
    }

    @Test
    void aWriterThatTakesPositionsFromTheCounterAppendsAfterTheEventsTheCounterHasNotCaughtUpWith() {
        for (int i = 0; i < 5; i++) {
            fixture.engine.appendEvents(StoreFixture.event("sole", i, 1));
        }
        fixture.engine.close();
        setCounter(2); // the counter has followed only the first two commits

        MongoEventStorageEngine counted = engine(false);
        counted.appendEvents(StoreFixture.event("counted", 0, 2));
        counted.appendEvents(StoreFixture.event("counted", 1, 2));

        assertThat(counted.readStoredEvents("counted", 0, 10)).extracting(doc -> doc.getLong("_id"))
                                                              .containsExactly(6L, 7L);
        assertThat(counted.readStoredEvents("sole", 0, 10)).as("nothing of the other writer's was touched").hasSize(5);
        assertThat(fixture.events().countDocuments(Filters.eq("placeholder", true))).isZero();
    }

    @Test
    void anEventNeverLandsBeforeTheEventItFollowsThoughTheWriterRemembersAnEarlierFreePosition() throws Exception {
        MongoEventStorageEngine second = engine(true);
        second.appendEvents(StoreFixture.event("second-start", 0, 2)); // position 1; the second writer's next is 2
        // The first writer takes position 2 for a commit that is slow to be written ...
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = fixture.appendHeldBack(StoreFixture.event("slow", 0, 1), release);
        // ... and writes an aggregate's first event at 3, while 2 is still free.
        fixture.engine.appendEvents(StoreFixture.event("shared", 0, 1));
        second.appendEvents(StoreFixture.event("shared", 1, 2));
        release.countDown();
        slow.join(30_000);

        Map<Long, Long> positionBySequence = new TreeMap<>();
        for (Document doc : fixture.events().find(Filters.eq("aggregateId", "shared"))) {
            positionBySequence.put(doc.getLong("sequenceNumber"), doc.getLong("_id"));
        }
        assertThat(positionBySequence.get(0L)).isEqualTo(3);
        assertThat(positionBySequence.get(1L)).as("after the event it follows, not at the free position 2").isGreaterThan(3);
        assertThat(fixture.engine.readStoredEvents("slow", 0, 10)).as("the slow commit was written after all").hasSize(1);
    }

    private MongoEventStorageEngine engine(boolean soleWriter) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(fixture.database).clock(fixture.clock)
                .soleWriter(soleWriter).eventSerializer(fixture.serializer).snapshotSerializer(fixture.serializer).build();
        others.add(engine);
        return engine;
    }

    private void setCounter(long value) {
        fixture.counters().updateOne(Filters.eq("_id", "events"), Updates.set("next", value));
    }

    /** The positions of every event a reader of {@code engine} receives from the start, as a processor would. */
    private static List<Long> readAll(MongoEventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            return stream.map(e -> e.trackingToken().position().orElseThrow()).toList();
        }
    }
}
