package nl.samenspel.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent single-event appends from eight threads get distinct, dense positions. Guards the counter against the
 * embedded server handing one value to two callers (which it does when asked for the document after the update).
 */
class CounterAllocationTest {
    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void eightThreadsAppendingFourThousandEventsGetDistinctDensePositions() throws Exception {
        Set<Long> firstPositions = ConcurrentHashMap.newKeySet();
        fixture.hook = (first, count) -> assertThat(firstPositions.add(first)).as("position %d handed out twice", first).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    fixture.engine.appendEvents(StoreFixture.event("agg-" + thread + "-" + i, 0, thread));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(fixture.engine.head()).isEqualTo(4000);
        assertThat(firstPositions).isEqualTo(LongStream.rangeClosed(1, 4000).boxed().collect(Collectors.toSet()));
        assertThat(fixture.events().countDocuments()).isEqualTo(4000);
    }
}
