package nl.samenspel.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight writers append concurrently, to one aggregate and to 200: every acknowledged event reaches the streaming
 * processor exactly once and in aggregate order, and no event of a rejected commit is ever stored or delivered.
 */
class ConcurrentAppendTest extends ProcessorTest {
    private static final int WRITERS = 8;


    @Test
    void eightWritersOnOneAggregateLoseNothingAndConflictsAreRejected() throws Exception {
        Outcome outcome = runWriters(List.of("network-1"), 150);

        assertThat(outcome.conflicts.get()).as("writers on one aggregate must collide").isPositive();
        assertDeliveredExactlyOnce(outcome);
    }

    @Test
    void eightWritersOnTwoHundredAggregatesWithMultiAggregateCommitsLoseNothing() throws Exception {
        List<String> aggregates = IntStream.range(0, 200).mapToObj(i -> "network-" + i).toList();
        Outcome outcome = runWriters(aggregates, 250);

        assertDeliveredExactlyOnce(outcome);
    }

    private record Outcome(Set<String> acknowledged, Set<String> rejected, AtomicInteger conflicts,
                           Set<String> aggregates) {
    }

    /**
     * Each writer repeatedly appends one to three events to one aggregate, and sometimes one more to a second
     * aggregate in the same commit, at the sequence number it believes is next; the belief is shared and racy, so
     * writers collide and must be told so.
     */
    private Outcome runWriters(List<String> aggregates, int commitsPerWriter) throws Exception {
        Outcome outcome = new Outcome(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), new AtomicInteger(),
                                      new HashSet<>(aggregates));
        Map<String, Long> believedNext = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(writer);
                go.await();
                for (int i = 0; i < commitsPerWriter; i++) {
                    List<DomainEventMessage<?>> commit = new ArrayList<>();
                    String first = aggregates.get(random.nextInt(aggregates.size()));
                    long next = believedNext.getOrDefault(first, 0L);
                    int count = 1 + random.nextInt(3);
                    for (int k = 0; k < count; k++) {
                        commit.add(StoreFixture.event(first, next + k, writer));
                    }
                    if (aggregates.size() > 1 && random.nextInt(4) == 0) {
                        String second = aggregates.get(random.nextInt(aggregates.size()));
                        if (!second.equals(first)) {
                            commit.add(StoreFixture.event(second, believedNext.getOrDefault(second, 0L), writer));
                        }
                    }
                    try {
                        fixture.engine.appendEvents(commit);
                        commit.forEach(e -> outcome.acknowledged.add(e.getIdentifier()));
                    } catch (ConcurrencyException | AggregateStreamCreationException e) {
                        outcome.conflicts.incrementAndGet();
                        commit.forEach(ev -> outcome.rejected.add(ev.getIdentifier()));
                    }
                    commit.stream().map(DomainEventMessage::getAggregateIdentifier).distinct().forEach(id ->
                            believedNext.put(id, (long) fixture.engine.readStoredEvents(id, 0, 100_000).size()));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return outcome;
    }

    private void assertDeliveredExactlyOnce(Outcome outcome) {
        long head = fixture.engine.head();
        // A token moves only with an event it carries: placeholders of rejected commits at the very end of the log are
        // passed once a later event arrives, so the processor is done when it holds the last event.
        Document last = fixture.events().find(new Document("placeholder", new Document("$ne", true)))
                                .sort(new Document("_id", -1)).first();
        long lastEvent = last == null ? 0 : last.getLong("_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> processorReached(lastEvent));

        List<String> delivered = new ArrayList<>(fixture.collector.deliveries);
        assertThat(delivered).as("no event is delivered twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).as("exactly the acknowledged events are delivered")
                                            .isEqualTo(outcome.acknowledged);
        assertThat(delivered).as("no part of a rejected commit is delivered").doesNotContainAnyElementsOf(outcome.rejected);

        for (String aggregate : outcome.aggregates) {
            List<Long> stored = fixture.engine.readStoredEvents(aggregate, 0, 100_000).stream()
                                              .map(d -> d.getLong("sequenceNumber")).toList();
            List<Long> dense = LongStream.range(0, stored.size()).boxed().toList();
            assertThat(stored).as("stored sequence of %s is dense", aggregate).isEqualTo(dense);
            assertThat(fixture.collector.sequencesByAggregate.getOrDefault(aggregate, List.of()))
                    .as("delivery order of %s", aggregate).isEqualTo(dense);
            ChainVerification chain = fixture.engine.verifyChain(aggregate);
            assertThat(chain.intact()).as("chain of %s: %s", aggregate, chain).isTrue();
            assertThat(chain.recordedHeadSequence()).as("recorded head of %s, also when commits finish out of order",
                                                        aggregate).isEqualTo(stored.isEmpty() ? null : stored.size() - 1L);
        }

        Set<Long> positions = new HashSet<>();
        for (Document doc : fixture.events().find()) {
            positions.add(doc.getLong("_id"));
            assertThat(doc.getBoolean("pending", false)).as("no pending document stays behind").isFalse();
        }
        assertThat(positions).as("every allocated position holds exactly one document")
                             .isEqualTo(LongStream.rangeClosed(1, head).boxed().collect(Collectors.toSet()));
        assertThat(fixture.gapsInProcessorTokens()).isEmpty();
    }

    private boolean processorReached(long position) {
        return fixture.processor().processingStatus().values().stream()
                      .map(EventTrackerStatus::getCurrentPosition)
                      .allMatch(current -> current.isPresent() && current.getAsLong() >= position)
                && fixture.processor().processingStatus().size() == 4;
    }
}
