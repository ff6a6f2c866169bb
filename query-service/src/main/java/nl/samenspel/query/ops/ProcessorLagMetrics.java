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
 * ({@code samenspel_processor_lag_events}), counted over the segments this instance holds.
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
                     .tag("processor", name)
                     .register(registry);
            }
        });
    }

    double lag(StreamingEventProcessor processor) {
        OptionalLong slowest = processor.processingStatus().values().stream()
                                        .map(EventTrackerStatus::getCurrentPosition)
                                        .mapToLong(position -> position.orElse(0))
                                        .min();
        if (slowest.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, eventStore.head() - slowest.getAsLong());
    }
}
