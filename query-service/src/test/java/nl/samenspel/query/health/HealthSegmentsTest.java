package nl.samenspel.query.health;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import nl.samenspel.eventstore.EmbeddedStore;
import nl.samenspel.eventstore.MongoEventStorageEngine;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.Motive;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.query.QueryServiceApplication;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances over one store, the health processor's four segments split between them: each network
 * is computed by exactly the instance whose segment its events fall in, that instance alone brings it to a new day,
 * and the other drops its copy.
 */
class HealthSegmentsTest {
    private static final String DATABASE = "health-segments";
    private static final int SEGMENTS = 4;

    private static EmbeddedStore store;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static MongoClient client;
    private static MongoEventStorageEngine writer;
    /** Networks whose events fall in segments 0 and 1 (kept by the first instance), and in 2 and 3 (moved). */
    private static final List<UUID> kept = new ArrayList<>();
    private static final List<UUID> moved = new ArrayList<>();

    @BeforeAll
    static void start() {
        store = EmbeddedStore.inMemory();
        first = start(store, "first");
        client = MongoClients.create(store.uri(DATABASE));
        Serializer serializer = first.getBean("eventSerializer", Serializer.class);
        writer = MongoEventStorageEngine.builder().database(client.getDatabase(DATABASE))
                                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
        while (kept.size() < 2 || moved.size() < 2) {
            UUID network = UUID.randomUUID();
            List<UUID> group = (network.toString().hashCode() & (SEGMENTS - 1)) < 2 ? kept : moved;
            if (group.size() < 2) {
                group.add(network);
                append(network, 0, new NetworkFounded(network, "Netwerk " + network, "care", "Noord",
                                                      CollaborationForm.NETWORK, "better care", LocalDate.parse("2026-01-10"), null, null));
            }
        }
        awaitHealth(all(), 0);

        second = start(store, "second");
        StreamingEventProcessor firstHealth = health(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> firstHealth.processingStatus().size() == SEGMENTS);
        firstHealth.releaseSegment(2, 10, TimeUnit.MINUTES);
        firstHealth.releaseSegment(3, 10, TimeUnit.MINUTES);
        await().atMost(Duration.ofSeconds(60)).until(() -> health(second).processingStatus().keySet().equals(Set.of(2, 3))
                                                           && firstHealth.processingStatus().keySet().equals(Set.of(0, 1)));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {second, first}) {
            if (app != null) {
                app.close();
            }
        }
        if (client != null) {
            client.close();
        }
        store.close();
    }

    @Test
    void eachNetworkIsComputedByTheInstanceHoldingItsSegmentAndOnlyThatOneBringsItToANewDay() {
        for (UUID network : kept) {
            assertThat(segments(first).test(network)).as("kept " + network).isTrue();
            assertThat(segments(second).test(network)).as("kept " + network).isFalse();
        }
        for (UUID network : moved) {
            assertThat(segments(first).test(network)).as("moved " + network).isFalse();
            assertThat(segments(second).test(network)).as("moved " + network).isTrue();
        }

        // New entries are folded by the instance the processor hands them to: the one the ownership check names.
        for (UUID network : all()) {
            append(network, 1, new PartnerJoined(network, UUID.randomUUID(), "Ziekenhuis Noord", "hospital",
                                                 ParticipationLevel.CORE, Set.of(Motive.MORAL), LocalDate.parse("2026-02-01"),
                                                 null, null));
        }
        awaitHealth(all(), 1);
        moved.forEach(network -> assertThat(projection(second).holds(network)).isTrue());
        kept.forEach(network -> assertThat(projection(second).holds(network)).isFalse());

        // A day passes: the stored health says yesterday (days as the service reckons them, in its business zone).
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        String yesterday = today.minusDays(1).toString();
        client.getDatabase(DATABASE).getCollection(HealthStore.NETWORKS)
              .updateMany(Filters.empty(), Updates.set(HealthVersion.EVALUATED_ON, yesterday));

        assertThat(refresher(first).refreshAll()).isEqualTo(kept.size());
        assertThat(projection(first).holds(moved.get(0))).as("its copy of a network it no longer computes").isFalse();
        moved.forEach(network -> assertThat(stored(network).getString(HealthVersion.EVALUATED_ON)).isEqualTo(yesterday));
        kept.forEach(network -> assertThat(stored(network).getString(HealthVersion.EVALUATED_ON))
                .isEqualTo(today.toString()));

        assertThat(refresher(second).refreshAll()).isEqualTo(moved.size());
        all().forEach(network -> assertThat(stored(network).getString(HealthVersion.EVALUATED_ON))
                .isEqualTo(today.toString()));
        all().forEach(network -> assertThat(stored(network).get(HealthVersion.LAST_SEQUENCE, Number.class).longValue())
                .isEqualTo(1));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static ConfigurableApplicationContext start(EmbeddedStore store, String node) {
        // The job runs at start and then hourly: the test runs it by hand, after moving the stored day back.
        return QueryServiceApplication.application().sources(NodeOfItsOwn.class).registerShutdownHook(false)
                                      .run("--spring.data.mongodb.uri=" + store.uri(DATABASE), "--server.port=0",
                                           "--samenspel.security.token-secret=" + "s".repeat(48),
                                           "--samenspel.health.refresh-every=1h", "--test.node-id=" + node);
    }

    /**
     * The token store's claims name the node that holds them, by default the JVM (process id and host). Two instances
     * in one JVM would then each take the other's claims for their own; in a deployment every instance is a process.
     */
    static class NodeOfItsOwn {
        @Bean
        TokenStore tokenStore(MongoDatabase database, Serializer serializer, Environment environment) {
            return MongoTokenStore.builder()
                                  .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                                  .serializer(serializer)
                                  .nodeId(environment.getRequiredProperty("test.node-id"))
                                  .build();
        }
    }

    private static void append(UUID network, long sequence, NetworkEvent event) {
        writer.appendEvents(List.of(new GenericDomainEventMessage<>("Network", network.toString(), sequence, event)));
    }

    private static void awaitHealth(List<UUID> networks, long lastSequence) {
        await().atMost(Duration.ofSeconds(60)).until(() -> networks.stream().allMatch(network -> {
            Document stored = stored(network);
            return stored != null && stored.get(HealthVersion.LAST_SEQUENCE, Number.class).longValue() == lastSequence;
        }));
    }

    private static Document stored(UUID network) {
        return client.getDatabase(DATABASE).getCollection(HealthStore.NETWORKS)
                     .find(new Document("_id", network.toString())).first();
    }

    private static List<UUID> all() {
        List<UUID> all = new ArrayList<>(kept);
        all.addAll(moved);
        return all;
    }

    private static StreamingEventProcessor health(ConfigurableApplicationContext app) {
        return app.getBean(EventProcessingConfiguration.class)
                  .eventProcessor(HealthProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    private static HealthSegments segments(ConfigurableApplicationContext app) {
        return app.getBean(HealthSegments.class);
    }

    private static HealthProjection projection(ConfigurableApplicationContext app) {
        return app.getBean(HealthProjection.class);
    }

    private static HealthRefresher refresher(ConfigurableApplicationContext app) {
        return app.getBean(HealthRefresher.class);
    }
}
