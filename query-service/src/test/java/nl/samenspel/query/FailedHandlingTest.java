package nl.samenspel.query;

import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.query.network.NetworkFactsProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static nl.samenspel.query.facts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler of a read model that fails on an event (a store that does not answer, a fault in a fold) stops its batch,
 * which is handled again, instead of going on without that event: a read model never skips an entry of the log.
 */
class FailedHandlingTest {

    /** A handler in the facts' processor that fails the first time it is given an event. */
    @ProcessingGroup(NetworkFactsProjection.PROCESSOR)
    public static class FailsOnce {
        final Set<Long> handled = ConcurrentHashMap.newKeySet();
        final AtomicBoolean failed = new AtomicBoolean();

        @EventHandler
        public void on(NetworkEvent event, @SequenceNumber long sequence) {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the read model's store did not answer");
            }
            handled.add(sequence);
        }
    }

    @Test
    void anEventWhoseHandlingFailedIsHandledAgain() {
        FailsOnce handler = new FailsOnce();
        try (RunningQueryService service = new RunningQueryService("failed-handling", NETWORK, null,
                                                                   Map.of("failsOnce", handler))) {
            service.append(founded("Zorgnetwerk Noorderkwartier", "2024-01-10"));
            service.append(joined(UUID.randomUUID(), "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01"));
            service.append(joined(UUID.randomUUID(), "Huisartsen Noord", ParticipationLevel.CORE, "2024-02-01"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(handler.failed).as("the handler failed once").isTrue();
                assertThat(handler.handled).as("entries handled").containsExactlyInAnyOrder(0L, 1L, 2L);
            });
        }
    }
}
