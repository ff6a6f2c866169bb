package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.command.network.Network;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.query.health.HealthProjection;
import nl.samenspel.query.network.NetworkViewProjection;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of both services over real HTTP: health with its findings for the platform admin only,
 * readiness that follows the store and the event processors while liveness does not, and metrics that can be joined
 * with Axon's and do not report a stale delay.
 */
class OperationsTest {
    private static TestPlatform tp;

    @BeforeAll
    static void start() {
        tp = new TestPlatform();
    }

    @AfterAll
    static void stop() {
        tp.close();
    }

    @Test
    void theAdminSeesWhatTheHealthChecksFoundAndOthersSeeOnlyTheStatus() {
        JsonNode queries = Api.get(tp.queryPort(), "/actuator/health", tp.admin).json();
        assertThat(queries.get("status").asText()).isEqualTo("UP");
        assertThat(queries.at("/components/eventStore/details/headPosition").asLong()).isEqualTo(tp.head());
        assertThat(queries.at("/components/processors/details/processors/network-views/running").asBoolean()).isTrue();
        JsonNode commands = Api.get(tp.commandPort(), "/actuator/health", tp.admin).json();
        assertThat(commands.at("/components/eventStore/status").asText()).isEqualTo("UP");

        for (Api.Login other : List.of(Api.Login.ANONYMOUS, tp.coordinator)) {
            for (int port : List.of(tp.queryPort(), tp.commandPort())) {
                Api.Response health = Api.get(port, "/actuator/health", other);
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("UP");
                assertThat(health.json().has("components")).as(health.body()).isFalse();
            }
        }
    }

    @Test
    void readinessFollowsTheStoreAndTheProcessorsAndLivenessDoesNot() {
        tp.awaitProjections();
        JsonNode ready = Api.get(tp.queryPort(), "/actuator/health/readiness", tp.admin).json();
        assertThat(fieldNames(ready.get("components"))).containsExactlyInAnyOrder("readinessState", "eventStore",
                                                                                  "processors");
        JsonNode processors = ready.at("/components/processors/details/processors");
        assertThat(fieldNames(processors)).containsExactlyInAnyOrder("network-views", "network-facts", "health");
        processors.forEach(processor -> {
            assertThat(processor.get("lag").asLong()).as(processor.toString()).isZero();
            assertThat(processor.get("segments").asInt()).isEqualTo(4);
        });
        assertThat(fieldNames(Api.get(tp.commandPort(), "/actuator/health/readiness", tp.admin).json().get("components")))
                .containsExactlyInAnyOrder("readinessState", "eventStore");
        assertThat(fieldNames(Api.get(tp.queryPort(), "/actuator/health/liveness", tp.admin).json().get("components")))
                .containsExactly("livenessState");
    }

    @Test
    void aStoppedProcessorMakesTheQueryServiceUnreadyButKeepsItAlive() {
        StreamingEventProcessor views = (StreamingEventProcessor) tp.platform.queries()
                .getBean(EventProcessingConfiguration.class).eventProcessor("network-views").orElseThrow();
        views.shutDown();
        try {
            Api.Response ready = Api.get(tp.queryPort(), "/actuator/health/readiness", tp.admin);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().at("/components/processors/status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().at("/components/processors/details/processors/network-views/running").asBoolean())
                    .isFalse();
            assertThat(Api.get(tp.queryPort(), "/actuator/health/liveness", Api.Login.ANONYMOUS).status()).isEqualTo(200);
        } finally {
            views.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> Api.get(tp.queryPort(), "/actuator/health/readiness", Api.Login.ANONYMOUS).status() == 200);
    }

    @Test
    void theLagMetricIsTaggedLikeAxonsAndNoStaleLatencyIsPublished() {
        tp.awaitProjections();
        String metrics = Api.get(tp.queryPort(), "/actuator/prometheus", tp.admin).body();
        assertThat(metrics).contains("samenspel_processor_lag_events{application=\"query-service\",processorName=\"network-views\"} 0.0")
                           .contains("eventProcessor_capacity{application=\"query-service\",")
                           .contains("processorName=\"network-views\"")
                           // Axon's latency gauge keeps the age of the last event handled, however long ago that was.
                           .doesNotContain("eventProcessor_latency");
    }

    @Test
    void positionsOfARejectedAppendAtTheEndOfTheLogAreNoLag() {
        tp.awaitProjections();
        MongoEventStorageEngine commands = tp.platform.commands().getBean(MongoEventStorageEngine.class);
        long before = commands.head();
        // The network's first event is taken: the append is refused and its position becomes a placeholder, as with a
        // command that lost a race or an import past its write deadline.
        assertThatThrownBy(() -> commands.appendEvents(new GenericDomainEventMessage<>("Network", tp.networkA, 0, "refused")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(commands.head()).isEqualTo(before + 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode processors = Api.get(tp.queryPort(), "/actuator/health/readiness", tp.admin).json()
                                     .at("/components/processors/details/processors");
            assertThat(processors.size()).isEqualTo(3);
            processors.forEach(processor -> assertThat(processor.get("lag").asLong()).as(processor.toString()).isZero());
            assertThat(Api.get(tp.queryPort(), "/actuator/prometheus", tp.admin).body())
                    .contains("samenspel_processor_lag_events{application=\"query-service\",processorName=\"health\"} 0.0");
        });
    }

    @Test
    void aLongImportAndTheCatchUpAfterItAreNeitherWarnedAboutEverySecondNorInterrupted() {
        TimeoutProperties commands = tp.platform.commands().getBean(TimeoutProperties.class);
        TimeoutProperties queries = tp.platform.queries().getBean(TimeoutProperties.class);
        for (var settings : List.of(commands.getTransaction().getCommandBus(), queries.getTransaction().getEventProcessors())) {
            assertThat(settings.getWarningThresholdMs()).as("first warning").isGreaterThanOrEqualTo(120_000);
            assertThat(settings.getWarningIntervalMs()).as("between warnings").isGreaterThanOrEqualTo(60_000);
            assertThat(settings.getTimeoutMs()).as("interrupted at").isGreaterThanOrEqualTo(600_000);
        }
    }

    /**
     * A command and a batch of events are each limited in time as a whole (their unit of work); the handlers inside
     * them are not limited again one by one, which took a copy of the thread's whole stack for every event each
     * processor handled and for every command.
     */
    @Test
    void handlersAreTimeLimitedByTheirUnitOfWorkNotOneByOne() {
        assertThat(timeLimitedHandlers(tp.platform.queries(), HealthProjection.class)).isEmpty();
        assertThat(timeLimitedHandlers(tp.platform.queries(), NetworkViewProjection.class)).isEmpty();
        assertThat(timeLimitedHandlers(tp.platform.commands(), Network.class)).isEmpty();
        EventProcessor health = tp.platform.queries().getBean(EventProcessingConfiguration.class)
                                  .eventProcessor(HealthProjection.PROCESSOR).orElseThrow();
        assertThat(health.getHandlerInterceptors()).anyMatch(UnitOfWorkTimeoutInterceptor.class::isInstance);
    }

    /** Axon's wrapper of a handler that limits its time (not public). */
    private static final Class<?> TIME_LIMITED = timeLimitedWrapper();

    private static Class<?> timeLimitedWrapper() {
        try {
            return Class.forName("org.axonframework.messaging.timeout.TimeoutWrappedMessageHandlingMember");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handlers of {@code type} as the service's configuration wraps them, that carry a time limit of their own. */
    private static List<String> timeLimitedHandlers(ApplicationContext context, Class<?> type) {
        Configuration axon = context.getBean(Configuration.class);
        AnnotatedHandlerInspector<?> handlers = AnnotatedHandlerInspector.inspectType(
                type, axon.parameterResolverFactory(), axon.handlerDefinition(type));
        List<? extends MessageHandlingMember<?>> members = handlers.getAllHandlers().values().stream()
                                                                   .flatMap(Collection::stream).toList();
        assertThat(members).as("handlers of " + type.getSimpleName()).isNotEmpty();
        return members.stream().filter(m -> m.unwrap(TIME_LIMITED).isPresent()).map(Object::toString).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
