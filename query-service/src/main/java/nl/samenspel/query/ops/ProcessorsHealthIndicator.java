package nl.samenspel.query.ops;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The {@code processors} health check, part of readiness: DOWN when a streaming processor is not running or one of
 * its segments is in error (its read models stop following the log); OUT_OF_SERVICE while a processor is further
 * behind the store than {@code samenspel.processors.ready-lag} events (a fresh instance replaying the log);
 * otherwise UP. Reports per processor whether it runs, the segments held here, their lag and any error.
 */
@Component
public class ProcessorsHealthIndicator extends AbstractHealthIndicator {
    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine eventStore;
    private final long readyLag;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, MongoEventStorageEngine eventStore,
                                     @Value("${samenspel.processors.ready-lag:10000}") long readyLag) {
        super("Event processor check failed");
        this.processing = processing;
        this.eventStore = eventStore;
        this.readyLag = readyLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = eventStore.head();
        Status status = Status.UP;
        Map<String, Object> processors = new TreeMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("segments", processor.processingStatus().size());
            OptionalLong lag = ProcessorLagMetrics.lag(processor, eventStore, head);
            lag.ifPresent(events -> details.put("lag", events));
            processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                     .ifPresent(failed -> details.put("error", String.valueOf(failed.getError())));
            processors.put(entry.getKey(), details);
            if (!processor.isRunning() || processor.isError() || details.containsKey("error")) {
                status = Status.DOWN;
            } else if (lag.isPresent() && lag.getAsLong() > readyLag && status != Status.DOWN) {
                status = Status.OUT_OF_SERVICE;
            }
        }
        builder.status(status).withDetail("headPosition", head).withDetail("processors", processors);
    }
}
