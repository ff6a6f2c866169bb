package nl.samenspel.eventstore;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streaming-processor handler that records what it was given: every delivery (to find duplicates), and a read
 * model per aggregate (the sequence numbers in delivery order) that a replay must rebuild identically.
 */
@ProcessingGroup(Collector.PROCESSOR)
public class Collector {
    public static final String PROCESSOR = "collector";

    final ConcurrentLinkedQueue<String> deliveries = new ConcurrentLinkedQueue<>();
    final Map<String, List<Long>> sequencesByAggregate = new ConcurrentHashMap<>();
    final AtomicInteger replayed = new AtomicInteger();

    @EventHandler
    public void on(TestEvent event, @MessageIdentifier String eventId, ReplayStatus status) {
        deliveries.add(eventId);
        sequencesByAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event.sequenceNumber());
        if (status.isReplay()) {
            replayed.incrementAndGet();
        }
    }

    @ResetHandler
    public void reset() {
        deliveries.clear();
        sequencesByAggregate.clear();
        replayed.set(0);
    }

    int count() {
        return deliveries.size();
    }
}
