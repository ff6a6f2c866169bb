package nl.samenspel.support.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.function.Function;

/**
 * Axon's message metrics: the timers, counters and capacity gauges of the command bus, query bus and event processors,
 * tagged {@code payloadType} and {@code processorName}, published by {@link HandlerMeters}, which registers each meter
 * once per set of tags where Axon's monitors look every meter up again for each message (and register the capacity
 * gauge again each time, which Micrometer warns about).
 * <p>
 * Axon's {@code latency} gauge of the event processors is left out: Axon sets it only when an event is handled, so a
 * caught-up, idle processor keeps reporting the age of its last event for ever. How far a processor is behind is
 * published by the query-service as {@code samenspel_processor_lag_events} instead.
 * <p>
 * Takes the place of Axon's own registry, which it extends, so Axon's auto-configuration wires it as usual.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(name = {"org.axonframework.micrometer.GlobalMetricRegistry", "io.micrometer.core.instrument.MeterRegistry"})
public class AxonMetrics {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new Monitors(registry);
    }

    /** The set of monitors each Axon component gets. */
    static final class Monitors extends GlobalMetricRegistry {
        Monitors(MeterRegistry registry) {
            super(registry);
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
            return handlerMonitors(name, tags);
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name,
                                                                           Function<Message<?>, Iterable<Tag>> tags) {
            return handlerMonitors(name, tags);
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name,
                                                                          Function<Message<?>, Iterable<Tag>> tags) {
            return handlerMonitors(name, tags);
        }

        private MessageMonitor<Message<?>> handlerMonitors(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new HandlerMeters(name, getRegistry(), tags);
        }
    }
}
