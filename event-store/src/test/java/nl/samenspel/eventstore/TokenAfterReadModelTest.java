package nl.samenspel.eventstore;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model that writes a whole batch when the batch commits, as the facts and the health do, never falls behind
 * its processor's token: when its write fails, the token stays where it was and the batch is handled again.
 */
class TokenAfterReadModelTest {

    /** Writes each batch when it commits; the first write fails, as a store that does not answer in time. */
    @ProcessingGroup(Collector.PROCESSOR)
    static class WritesPerBatch {
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final AtomicInteger failuresLeft = new AtomicInteger(1);

        @EventHandler
        void on(TestEvent event) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
            List<TestEvent> batch = unitOfWork.getOrComputeResource("batch", key -> {
                List<TestEvent> events = new ArrayList<>();
                unitOfWork.onPrepareCommit(committing -> write(events));
                return events;
            });
            batch.add(event);
        }

        private void write(List<TestEvent> batch) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the read model's store did not take the batch");
            }
            batch.forEach(event -> written.add(event.aggregateId() + ":" + event.sequenceNumber()));
        }
    }

    @Test
    void aBatchWhoseReadModelWriteFailsIsHandledAgain() {
        try (StoreFixture fixture = new StoreFixture()) {
            for (int i = 0; i < 40; i++) {
                fixture.engine.appendEvents(StoreFixture.event("network-" + i % 4, i / 4, 0));
            }
            WritesPerBatch readModel = new WritesPerBatch();
            fixture.startProcessor(readModel);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(readModel.written).as("events in the read model").hasSize(40));
            assertThat(readModel.failuresLeft.get()).as("the failed write happened").isNegative();
        }
    }
}
