package nl.samenspel.support.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerMetersTest {
    private static final String PREFIX = "eventProcessor";
    private static final Function<Message<?>, Iterable<Tag>> TAGS =
            m -> Tags.of("payloadType", m.getPayloadType().getSimpleName(), "processorName", "health");

    private record Founded(String id) {
    }

    private record Joined(String id) {
    }

    /** How each message of the script ends, and how long its handling takes. */
    private enum Outcome { SUCCESS, FAILURE, IGNORED }

    private record Step(Object payload, Outcome outcome, long millis) {
    }

    private static final List<Step> SCRIPT = List.of(
            new Step(new Founded("a"), Outcome.SUCCESS, 120), new Step(new Joined("a"), Outcome.SUCCESS, 40),
            new Step(new Joined("b"), Outcome.FAILURE, 900), new Step(new Joined("c"), Outcome.IGNORED, 3),
            new Step(new Founded("b"), Outcome.SUCCESS, 250), new Step(new Joined("d"), Outcome.SUCCESS, 15));

    @Test
    void publishesWhatAxonsOwnMonitorsPublishUnderTheSameNamesTagsAndSettings() {
        MockClock axonClock = new MockClock();
        SimpleMeterRegistry axon = registry(axonClock);
        MessageMonitor<Message<?>> axonMonitors = new MultiMessageMonitor<>(
                MessageTimerMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(axon).clock(axonClock)
                                   .tagsBuilder(TAGS).build(),
                CapacityMonitor.buildMonitor(PREFIX, axon, 10, TimeUnit.SECONDS, axonClock, TAGS),
                MessageCountingMonitor.buildMonitor(PREFIX, axon, TAGS));
        MockClock ourClock = new MockClock();
        SimpleMeterRegistry ours = registry(ourClock);

        run(axonMonitors, axonClock);
        run(new HandlerMeters(PREFIX, ours, TAGS), ourClock);

        // Ten meters for each of the two payload types, besides the timers' percentile gauges.
        assertThat(published(ours)).isEqualTo(published(axon))
                                   .hasSize(2 * (10 + 4 * 6));
        Timer failures = ours.get(PREFIX + ".failureTimer").tags("payloadType", "Joined").timer();
        assertThat(failures.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(900);
        assertThat(Arrays.stream(failures.takeSnapshot().percentileValues()).map(ValueAtPercentile::percentile))
                .containsExactly(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
    }

    @Test
    void capacityIsTheShareOfTheLastTenSecondsSpentHandling() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = registry(clock);
        run(new HandlerMeters(PREFIX, registry, TAGS), clock);
        System.gc(); // the gauges stay, though the monitor that fed them is gone

        Gauge joined = registry.get(PREFIX + ".capacity").tags("payloadType", "Joined").gauge();
        Gauge founded = registry.get(PREFIX + ".capacity").tags("payloadType", "Founded").gauge();
        assertThat(joined.value()).isCloseTo((40 + 900 + 3 + 15) / 10_000.0, Offset.offset(1e-9));
        assertThat(founded.value()).isCloseTo((120 + 250) / 10_000.0, Offset.offset(1e-9));
        clock.add(Duration.ofSeconds(11));
        assertThat(joined.value()).isZero();
    }

    @Test
    void registersEachMeterOncePerSetOfTags() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = registry(clock);
        AtomicInteger added = new AtomicInteger();
        registry.config().onMeterAdded(meter -> added.incrementAndGet());
        HandlerMeters meters = new HandlerMeters(PREFIX, registry, TAGS);
        run(meters, clock);
        int meterCount = registry.getMeters().size();
        assertThat(added).hasValue(meterCount);
        for (int i = 1; i < 50; i++) {
            run(meters, clock);
        }
        assertThat(added).hasValue(meterCount);
        assertThat(registry.getMeters()).hasSize(meterCount);
        assertThat(registry.get(PREFIX + ".ingestedCounter").tags("payloadType", "Joined").counter().count())
                .isEqualTo(50 * 4);
    }

    private static SimpleMeterRegistry registry(MockClock clock) {
        return new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    }

    private static void run(MessageMonitor<? super Message<?>> monitor, MockClock clock) {
        for (Step step : SCRIPT) {
            MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(new GenericEventMessage<>(step.payload()));
            clock.add(step.millis(), TimeUnit.MILLISECONDS);
            switch (step.outcome()) {
                case SUCCESS -> callback.reportSuccess();
                case FAILURE -> callback.reportFailure(new IllegalStateException("refused"));
                case IGNORED -> callback.reportIgnored();
            }
        }
    }

    /** Each meter by name and tags, with its count (counters, timers), total time (timers) or value (gauges). */
    private static Map<String, String> published(MeterRegistry registry) {
        Map<String, String> result = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String value;
            if (meter instanceof Timer timer) {
                value = timer.count() + " in " + timer.totalTime(TimeUnit.MILLISECONDS) + " ms";
            } else if (meter instanceof Counter counter) {
                value = String.valueOf(counter.count());
            } else if (meter instanceof Gauge gauge) {
                value = String.valueOf(gauge.value());
            } else {
                value = meter.getClass().getSimpleName();
            }
            result.put(meter.getId().getType() + " " + meter.getId().getName() + meter.getId().getTags(), value);
        }
        return result;
    }
}
