package nl.samenspel.support.ops;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@code <prefix>.capacity} gauge as Axon defines it: the time spent handling messages during the last ten
 * seconds, divided by ten seconds (1 = one thread busy all the time). One gauge per set of tags, registered once.
 */
final class BusyTimeMonitor implements MessageMonitor<Message<?>> {
    private static final long WINDOW_SECONDS = 10;

    private final String name;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Clock clock = Clock.SYSTEM;
    private final ConcurrentMap<Tags, SlidingTimeWindowReservoir> windows = new ConcurrentHashMap<>();

    BusyTimeMonitor(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        this.name = name;
        this.registry = registry;
        this.tags = tags;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        SlidingTimeWindowReservoir window = windows.computeIfAbsent(Tags.of(tags.apply(message)), this::register);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                window.update(clock.monotonicTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                window.update(clock.monotonicTime() - start);
            }

            @Override
            public void reportIgnored() {
                window.update(clock.monotonicTime() - start);
            }
        };
    }

    private SlidingTimeWindowReservoir register(Tags meterTags) {
        SlidingTimeWindowReservoir window = new SlidingTimeWindowReservoir(WINDOW_SECONDS, TimeUnit.SECONDS, clock);
        Gauge.builder(name + ".capacity", window, BusyTimeMonitor::busyShare).tags(meterTags).register(registry);
        return window;
    }

    private static double busyShare(SlidingTimeWindowReservoir window) {
        long busyNanos = window.getMeasurements().stream().mapToLong(Long::longValue).sum();
        return (double) busyNanos / TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    }
}
