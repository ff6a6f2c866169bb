package nl.samenspel.query.health;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.query.RunningQueryService;
import nl.samenspel.query.reads.ReadPositions;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While entries keep arriving, the health processor waits a moment after each batch, so that the next one holds what
 * arrived meanwhile and a network is computed once for all of it rather than once per entry; an entry after a quiet
 * spell is computed at once, and the processor's position (what readers waiting for their writes look at) moves on
 * before the wait.
 */
class HealthPauseTest {
    private static final Duration PAUSE = Duration.ofSeconds(3);

    /** Counts the writes of the networks' health documents: one per computation of a network. */
    private static final class HealthWrites implements CommandListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            if (Set.of("insert", "update", "findAndModify").contains(event.getCommandName()) && collection != null
                    && collection.isString() && collection.asString().getValue().equals(HealthStore.NETWORKS)) {
                count.incrementAndGet();
            }
        }
    }

    @Test
    void entriesArrivingWhileTheProcessorWaitsAreComputedTogether() throws InterruptedException {
        HealthWrites writes = new HealthWrites();
        try (RunningQueryService service = new RunningQueryService("health-pause", NETWORK, writes, Map.of(),
                List.of("--samenspel.health.live-pause=" + PAUSE.toMillis() + "ms"))) {
            HealthStore store = service.app().getBean(HealthStore.class);
            ReadPositions positions = service.app().getBean(ReadPositions.class);
            service.append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));
            awaitStored(store, 0);
            // a quiet spell longer than the pause
            Thread.sleep(PAUSE.toMillis() + 200);
            writes.count.set(0);

            long start = System.nanoTime();
            service.append(joined(UUID.randomUUID(), "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
            long head = service.writer().head();
            awaitStored(store, 1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                   .until(() -> positions.included(HealthProjection.PROCESSOR) >= head);
            Duration alone = Duration.ofNanos(System.nanoTime() - start);
            // four more, one every 300 ms (each a batch of its own without the pause), all while the processor waits
            for (int i = 0; i < 4; i++) {
                service.append(joined(UUID.randomUUID(), "Partner " + i, ParticipationLevel.CORE, "2024-02-0" + (2 + i)));
                Thread.sleep(300);
            }
            awaitStored(store, 5);

            assertThat(alone).as("an entry after a quiet spell is computed, and its position included, before the pause")
                             .isLessThan(PAUSE.dividedBy(2));
            assertThat(writes.count.get()).as("computations: one for the lone entry, then one for the four")
                                          .isEqualTo(2);
        }
    }

    private static void awaitStored(HealthStore store, long sequence) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            HealthVersion stored = HealthVersion.of(store.network(NETWORK));
            return stored != null && stored.lastSequence() >= sequence;
        });
    }
}
