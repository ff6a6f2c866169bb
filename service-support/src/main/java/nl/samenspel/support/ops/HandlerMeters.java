package nl.samenspel.support.ops;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The meters Axon's timer, counting and capacity monitors publish for a message handler, under the same names, tags
 * and settings ({@code <prefix>.allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer} with
 * client-side percentiles kept ten minutes; {@code .ingestedCounter}, {@code .processedCounter},
 * {@code .successCounter}, {@code .failureCounter}, {@code .ignoredCounter}; {@code .capacity}), each registered once
 * per set of tags. Axon's monitors look all nine meters up in the registry again for every message, which cost about a
 * tenth of a health rebuild's handling; here a message costs one lookup by its tags.
 * <p>
 * {@code capacity} is the time spent handling messages during the last ten seconds, divided by ten seconds (1 = one
 * thread busy all the time), as Axon defines it.
 */
final class HandlerMeters implements MessageMonitor<Message<?>> {
    private static final long WINDOW_SECONDS = 10;
    private static final Duration PERCENTILE_EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock;
    private final ConcurrentMap<Tags, Meters> meters = new ConcurrentHashMap<>();

    HandlerMeters(String prefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        this.prefix = prefix;
        this.registry = registry;
        this.tags = tags;
        this.clock = registry.config().clock();
    }

    /** The meters of one set of tags. */
    private record Meters(Timer all, Timer success, Timer failure, Timer ignored, Counter ingested, Counter processed,
                          Counter succeeded, Counter failed, Counter ignoredCount, SlidingTimeWindowReservoir busy) {
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters m = meters.computeIfAbsent(Tags.of(tags.apply(message)), this::register);
        m.ingested().increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long nanos = handled();
                m.success().record(nanos, TimeUnit.NANOSECONDS);
                m.processed().increment();
                m.succeeded().increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                long nanos = handled();
                m.failure().record(nanos, TimeUnit.NANOSECONDS);
                m.processed().increment();
                m.failed().increment();
            }

            @Override
            public void reportIgnored() {
                long nanos = handled();
                m.ignored().record(nanos, TimeUnit.NANOSECONDS);
                m.ignoredCount().increment();
            }

            /** Records the handling time in the meters every outcome shares; answers it. */
            private long handled() {
                long nanos = clock.monotonicTime() - start;
                m.all().record(nanos, TimeUnit.NANOSECONDS);
                m.busy().update(nanos);
                return nanos;
            }
        };
    }

    private Meters register(Tags meterTags) {
        SlidingTimeWindowReservoir busy = new SlidingTimeWindowReservoir(WINDOW_SECONDS, TimeUnit.SECONDS, clock);
        Gauge.builder(prefix + ".capacity", busy, HandlerMeters::busyShare).tags(meterTags).strongReference(true)
             .register(registry);
        return new Meters(timer("allTimer", meterTags), timer("successTimer", meterTags),
                          timer("failureTimer", meterTags), timer("ignoredTimer", meterTags),
                          counter("ingestedCounter", meterTags), counter("processedCounter", meterTags),
                          counter("successCounter", meterTags), counter("failureCounter", meterTags),
                          counter("ignoredCounter", meterTags), busy);
    }

    private Timer timer(String name, Tags meterTags) {
        return Timer.builder(prefix + "." + name)
                    .distributionStatisticExpiry(PERCENTILE_EXPIRY)
                    .publishPercentiles(PERCENTILES)
                    .tags(meterTags)
                    .register(registry);
    }

    private Counter counter(String name, Tags meterTags) {
        return registry.counter(prefix + "." + name, meterTags);
    }

    private static double busyShare(SlidingTimeWindowReservoir window) {
        long busyNanos = window.getMeasurements().stream().mapToLong(Long::longValue).sum();
        return (double) busyNanos / TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    }
}
