package nl.samenspel.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Publishes, per streaming processor, how many events it is behind the newest allocated position of the event store
 * ({@code samenspel_processor_lag_events}), counted over the segments this instance holds. Tagged
 * {@code processorName}, as Axon tags its own event processor metrics, so the two can be joined in a query.
 */
@Component
public class ProcessorLagMetrics {
    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine eventStore;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, MongoEventStorageEngine eventStore,
                               MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("samenspel.processor.lag.events", streaming, this::lag)
                     .description("Events between the newest position in the store and the slowest segment held here")
                     .tag("processorName", name)
                     .register(registry);
            }
        });
    }

    double lag(StreamingEventProcessor processor) {
        OptionalLong lag = lag(processor, eventStore, eventStore.head());
        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
    }

    /**
     * Positions between {@code head} and the slowest segment this instance holds; empty when it holds none. A segment
     * that handled the last event counts as past the placeholders of failed appends after it, once the store has been
     * read past them: its token moves only with the next event.
     */
    static OptionalLong lag(StreamingEventProcessor processor, MongoEventStorageEngine eventStore, long head) {
        OptionalLong slowest = processor.processingStatus().values().stream()
                                        .map(EventTrackerStatus::getCurrentPosition)
                                        .mapToLong(position -> eventStore.positionPassed(position.orElse(0)))
                                        .min();
        return slowest.isEmpty() ? slowest : OptionalLong.of(Math.max(0, head - slowest.getAsLong()));
    }
}
