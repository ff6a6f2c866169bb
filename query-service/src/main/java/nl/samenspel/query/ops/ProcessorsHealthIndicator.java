package nl.samenspel.query.ops;

import nl.samenspel.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code processors} health check, part of readiness: DOWN when a streaming processor is not running, one of its
 * segments is in error, a segment has been held by no instance for {@code samenspel.processors.stall-after}, or a
 * segment held here has stood still behind the store's head for that long (a batch that does not end, or a segment
 * that was let go and not taken up again: its networks' read models no longer follow the log, while every segment
 * that is held reports no error); OUT_OF_SERVICE while a processor is further behind the store than
 * {@code samenspel.processors.ready-lag} events (a fresh instance replaying the log); otherwise UP. Reports per
 * processor whether it runs, the segments held here, their lag and any error, unheld or stalled segment.
 *
 * <p>Standing still is judged between checks: a segment seen behind the head at the same position as at an earlier
 * check counts as standing still since that earlier check, so the first check after a stall began cannot report it.
 * Orchestrators probe readiness every few seconds; the figure is a lower bound on how long it has stood still.
 */
@Component
public class ProcessorsHealthIndicator extends AbstractHealthIndicator {
    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine eventStore;
    private final TokenStore tokens;
    private final long readyLag;
    private final Duration stallAfter;
    /** Per processor and segment: the position it was last seen at, behind the head, and since when (nanoTime). */
    private final Map<String, Seen> standing = new ConcurrentHashMap<>();
    /** Per processor and segment: since when (nanoTime) it has been seen held by no instance. */
    private final Map<String, Long> unheld = new ConcurrentHashMap<>();

    private record Seen(long position, long since) {
    }

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, MongoEventStorageEngine eventStore,
                                     TokenStore tokens,
                                     @Value("${samenspel.processors.ready-lag:10000}") long readyLag,
                                     @Value("${samenspel.processors.stall-after:2m}") Duration stallAfter) {
        super("Event processor check failed");
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("samenspel.processors.stall-after must be positive, not " + stallAfter);
        }
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.readyLag = readyLag;
        this.stallAfter = stallAfter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = eventStore.head();
        long now = System.nanoTime();
        Status status = Status.UP;
        Map<String, Object> processors = new TreeMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            String name = entry.getKey();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("segments", processor.processingStatus().size());
            OptionalLong lag = ProcessorLagMetrics.lag(processor, eventStore, head);
            lag.ifPresent(events -> details.put("lag", events));
            processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                     .ifPresent(failed -> details.put("error", String.valueOf(failed.getError())));
            if (processor.isRunning()) {
                List<Integer> notHeld = heldByNoInstance(name, processor, now);
                if (!notHeld.isEmpty()) {
                    details.put("unheldSegments", notHeld);
                }
                List<Map<String, Object>> stalled = standingStill(name, processor, head, now);
                if (!stalled.isEmpty()) {
                    details.put("stalledSegments", stalled);
                }
            }
            processors.put(name, details);
            if (!processor.isRunning() || processor.isError() || details.containsKey("error")
                || details.containsKey("unheldSegments") || details.containsKey("stalledSegments")) {
                status = Status.DOWN;
            } else if (lag.isPresent() && lag.getAsLong() > readyLag && status != Status.DOWN) {
                status = Status.OUT_OF_SERVICE;
            }
        }
        builder.status(status).withDetail("headPosition", head).withDetail("processors", processors);
    }

    /**
     * The segments of {@code processor} that no instance has held for at least the stall limit: those the token store
     * calls available (claimed by no other instance, or by this one) that this instance does not work on.
     */
    private List<Integer> heldByNoInstance(String processor, StreamingEventProcessor streaming, long now) {
        Set<String> seenNow = new HashSet<>();
        List<Integer> overdue = new ArrayList<>();
        Set<Integer> workedOnHere = streaming.processingStatus().keySet();
        for (Segment segment : tokens.fetchAvailableSegments(processor)) {
            if (workedOnHere.contains(segment.getSegmentId())) {
                continue;
            }
            String key = processor + "#" + segment.getSegmentId();
            seenNow.add(key);
            long since = unheld.computeIfAbsent(key, k -> now);
            if (now - since >= stallAfter.toNanos()) {
                overdue.add(segment.getSegmentId());
            }
        }
        unheld.keySet().removeIf(key -> key.startsWith(processor + "#") && !seenNow.contains(key));
        return overdue;
    }

    /** The segments held here that have stood behind the head at one position for at least the stall limit. */
    private List<Map<String, Object>> standingStill(String processor, StreamingEventProcessor streaming, long head,
                                                    long now) {
        Set<String> seenNow = new HashSet<>();
        List<Map<String, Object>> stalled = new ArrayList<>();
        streaming.processingStatus().forEach((segmentId, status) -> {
            long position = eventStore.positionPassed(status.getCurrentPosition().orElse(0));
            if (position >= head) {
                return;
            }
            String key = processor + "#" + segmentId;
            seenNow.add(key);
            Seen seen = standing.merge(key, new Seen(position, now),
                                       (before, current) -> before.position() == current.position() ? before : current);
            if (now - seen.since() >= stallAfter.toNanos()) {
                Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("segment", segmentId);
                segment.put("position", position);
                segment.put("behind", head - position);
                segment.put("stillForSeconds", Duration.ofNanos(now - seen.since()).toSeconds());
                stalled.add(segment);
            }
        });
        standing.keySet().removeIf(key -> key.startsWith(processor + "#") && !seenNow.contains(key));
        return stalled;
    }
}
